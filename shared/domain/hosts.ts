import { z } from 'zod';

/**
 * Host behaviour profiles (seed 000): per device identity and for the whole
 * case. Computed by a job and stored in the case (migration 0009), so these
 * are read, not recomputed, when the Hosts view opens.
 */

/** How a host is identified: by its MAC (with the local IPs it used), by an IP alone, or the whole case. */
export const HostKind = z.enum(['case', 'mac', 'ip']);
export type HostKind = z.infer<typeof HostKind>;

export const HostSummary = z.object({
  id: z.number().int(),
  /** `case`, `mac:aa:bb:…` or `ip:192.0.2.1`: stable across recomputations. */
  key: z.string(),
  kind: HostKind,
  name: z.string().nullable(),
  mac: z.string().nullable(),
  ips: z.array(z.string()),
  /** Every address of the host lies in the case's local networks. */
  local: z.boolean(),
  flows: z.number().int().nonnegative(),
  /** Both directions; logs that give only totals add here but to neither sent nor received. */
  packets: z.number().nonnegative(),
  bytes: z.number().nonnegative(),
  packetsSent: z.number().nonnegative(),
  packetsReceived: z.number().nonnegative(),
  bytesSent: z.number().nonnegative(),
  bytesReceived: z.number().nonnegative(),
  firstTs: z.number().nullable(),
  lastTs: z.number().nullable(),
  sessions: z.number().int().nonnegative(),
  peers: z.number().int().nonnegative(),
  uniqueDstPorts: z.number().int().nonnegative(),
  apps: z.number().int().nonnegative(),
  topApp: z.string().nullable(),
  topCategory: z.string().nullable(),
  countries: z.number().int().nonnegative(),
  interactiveSessions: z.number().int().nonnegative(),
  keystrokes: z.number().int().nonnegative(),
  typingCpm: z.number().nullable(),
});
export type HostSummary = z.infer<typeof HostSummary>;

const Count = z.object({ key: z.string(), flows: z.number(), bytes: z.number() });

export const HostProfile = z.object({
  summary: HostSummary,
  names: z.array(z.object({ name: z.string(), source: z.string() })),
  packets: z.object({
    /** Packets measured from the packet index; flows imported from logs have none. */
    measured: z.number(),
    size: z.object({
      binWidth: z.number(),
      sent: z.array(z.number()),
      received: z.array(z.number()),
      mean: z.number().nullable(),
      variance: z.number().nullable(),
      /** Shannon entropy (bits) of the exact frame lengths. */
      entropy: z.number().nullable(),
    }),
    iat: z.object({
      /** Upper edges of the log-spaced bins, seconds; the last bin is open. */
      edges: z.array(z.number()),
      counts: z.array(z.number()),
      mean: z.number().nullable(),
      variance: z.number().nullable(),
      /** Shannon entropy (bits) of the binned inter-arrival times. */
      entropy: z.number().nullable(),
    }),
    uniqueSrcIps: z.number(),
    uniqueDstIps: z.number(),
    uniqueSrcPorts: z.number(),
    uniqueDstPorts: z.number(),
    /** Shannon entropy (bits) of the destination ports of the flows the host started. */
    dstPortEntropy: z.number().nullable(),
    apps: z.array(Count),
  }),
  direction: z.object({ outbound: z.number(), inbound: z.number(), internal: z.number(), external: z.number() }),
  sessions: z.object({
    gap: z.number(),
    count: z.number(),
    totalDuration: z.number(),
    meanDuration: z.number().nullable(),
    medianDuration: z.number().nullable(),
    longest: z.number().nullable(),
    list: z.array(z.object({ start: z.number(), end: z.number(), flows: z.number(), bytes: z.number() })),
    /** More sessions than the list holds (the first ones are listed). */
    truncated: z.boolean(),
  }),
  activity: z.object({
    start: z.number(),
    interval: z.number(),
    categories: z.array(z.string()),
    /** Flows started per interval, one row per category. */
    flows: z.array(z.array(z.number())),
    bytes: z.array(z.number()),
  }),
  heatmap: z.object({
    timeZone: z.string(),
    /** [weekday Monday=0][hour 0–23]: flows started. */
    flows: z.array(z.array(z.number())),
  }),
  categories: z.array(Count.extend({ first: z.number().nullable(), last: z.number().nullable() })),
  destinations: z.array(z.object({ address: z.string(), name: z.string().nullable(), country: z.string().nullable(), flows: z.number(), bytes: z.number() })),
  countries: z.array(z.object({ iso2: z.string(), iso3: z.string().nullable(), name: z.string(), flows: z.number(), bytes: z.number(), addresses: z.number() })),
  /** Remote peers with no country (private, reserved, or no database). */
  unlocated: z.number(),
});
export type HostProfile = z.infer<typeof HostProfile>;

/** An SSH or Telnet flow with its typing estimate. */
export const InteractiveSession = z.object({
  flowId: z.number().int(),
  hostId: z.number().int().nullable(),
  protocol: z.enum(['ssh', 'telnet']),
  client: z.string(),
  clientPort: z.number().int().nullable(),
  server: z.string(),
  serverPort: z.number().int().nullable(),
  start: z.number().nullable(),
  duration: z.number().nullable(),
  /** Client packets taken for keystrokes, in typing runs (login and key exchange, pastes and pauses left out). */
  keystrokes: z.number().int().nonnegative(),
  typingSeconds: z.number().nonnegative(),
  /** Characters per minute while typing; null under the minimum keystrokes or without packets. */
  typingCpm: z.number().nullable(),
  /** Why there is no estimate (no packets, too few keystrokes). */
  note: z.string().nullable(),
});
export type InteractiveSession = z.infer<typeof InteractiveSession>;

/** Case settings the profiles depend on. */
export const ProfileSettings = z.object({
  /** CIDR blocks that are "inside"; flows are inbound, outbound, internal or external relative to them. */
  localNetworks: z.array(z.string().min(1).max(64)).max(256),
  /** IANA time zone for the hour-of-day × weekday heatmap. */
  timeZone: z.string().min(1).max(64),
  /** Idle gap (seconds) that ends a host's activity session. */
  sessionGap: z.number().positive().max(30 * 86400),
  /** Pause (seconds) between keystrokes that ends a typing run. */
  typingPause: z.number().positive().max(60),
});
export type ProfileSettings = z.infer<typeof ProfileSettings>;

export const defaultProfileSettings: ProfileSettings = {
  // RFC 1918, RFC 4193 (ULA), RFC 3927 and RFC 4291 (link-local).
  localNetworks: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', 'fc00::/7', 'fe80::/10'],
  timeZone: 'UTC',
  sessionGap: 1800,
  typingPause: 2,
};

export const HostList = z.object({
  computedAt: z.number().nullable(),
  /** Flows were added or settings changed since the profiles were computed. */
  stale: z.boolean(),
  settings: ProfileSettings,
  geo: z.object({ available: z.boolean(), attribution: z.string(), database: z.string().nullable() }),
  case: HostSummary.nullable(),
  hosts: z.array(HostSummary),
});
export type HostList = z.infer<typeof HostList>;
