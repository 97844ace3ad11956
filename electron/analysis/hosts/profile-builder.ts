import type { HostProfile, HostSummary, ProfileSettings } from '../../../shared/domain/hosts';
import type { CaseDb } from '../../cases/case-db';
import type { CountryLookup } from '../geo/country-lookup';
import { HostAccumulator, type AccumulatorContext } from './host-accumulator';
import { HostIdentities, type IdentityFlow } from './host-identity';
import { interactiveProtocol, measureInteractive, type InteractiveCandidate, type KeyedSession } from './interactive-flows';
import { LocalNetworks } from './local-networks';
import { profileFlowColumns, type ProfileFlow } from './profile-flow';
import { activityAxis, WallClock } from './time-grid';

export interface BuildOptions {
  settings: ProfileSettings;
  geo: CountryLookup;
  /** Flows done of the total (both passes count), polled for cancellation. */
  onProgress?: (done: number, total: number, stage: string) => void;
  shouldStop?: () => boolean;
}

export interface KeyedProfile {
  key: string;
  profile: HostProfile;
}

export interface BuiltProfiles {
  caseProfile: HostProfile;
  hosts: KeyedProfile[];
  sessions: KeyedSession[];
}

const PROGRESS_EVERY = 4096;

/**
 * Computes every host's profile and the whole case's in two passes over the
 * flows: identities first (who is who needs all MAC/IP pairings before any
 * flow can be attributed), then the numbers, packet by packet where the
 * packet index has them; then the typing estimate of each SSH/Telnet flow.
 * Returns null when stopped.
 */
export async function buildProfiles(db: CaseDb, o: BuildOptions): Promise<BuiltProfiles | null> {
  const local = LocalNetworks.parse(o.settings.localNetworks);
  const total = (db.prepare('SELECT count(*) AS n FROM flows').get() as { n: number }).n;
  const progress = (done: number, stage: string) => o.onProgress?.(done, total * 2, stage);
  const stop = o.shouldStop ?? (() => false);

  const ids = new HostIdentities(local);
  let n = 0;
  for (const f of db.prepare('SELECT src_ip, dst_ip, src_mac, dst_mac, first_ts, last_ts, dhcp_hostname, dhcp_client_mac FROM flows').iterate() as IterableIterator<IdentityFlow>) {
    ids.observe(f);
    if (++n % PROGRESS_EVERY === 0) {
      if (stop()) return null;
      progress(n, 'Identifying hosts');
    }
  }
  ids.settle();

  const ctx: AccumulatorContext = { local, geo: o.geo, clock: new WallClock(o.settings.timeZone), axis: activityAxis(ids.caseFirst, ids.caseLast) };
  const whole = new HostAccumulator(ctx);
  const hosts = new Map<string, HostAccumulator>();
  const host = (key: string) => hosts.get(key) ?? hosts.set(key, new HostAccumulator(ctx)).get(key)!;
  const candidates: InteractiveCandidate[] = [];
  const flows = db.prepare(`SELECT ${profileFlowColumns}, p.packet_index AS idx FROM flows f LEFT JOIN flow_packets p ON p.flow_id = f.id`);
  n = 0;
  for (const f of flows.iterate() as IterableIterator<ProfileFlow>) {
    whole.add(f, 'case');
    const s = ids.resolve(f.src_ip, f.src_mac);
    const d = ids.resolve(f.dst_ip, f.dst_mac);
    if (s !== null) host(s).add(f, 'src');
    if (d !== null && d !== s) host(d).add(f, 'dst');
    const protocol = interactiveProtocol(f);
    if (protocol) {
      const { idx, ...flow } = f;
      candidates.push({ flow, idx: idx === null ? null : new Uint8Array(idx), protocol, hostKey: s });
    }
    if (++n % PROGRESS_EVERY === 0) {
      if (stop()) return null;
      progress(total + n, 'Profiling hosts');
    }
  }

  const sessions: KeyedSession[] = [];
  for (const c of candidates) {
    if (stop()) return null;
    sessions.push(await measureInteractive(db, c, o.settings.typingPause));
  }
  progress(total * 2, 'Storing profiles');

  const names = db.prepare('SELECT name, source FROM names WHERE address = ? ORDER BY first_ts');
  const profileOf = (key: string, acc: HostAccumulator): HostProfile => {
    const who = key === 'case' ? { key, kind: 'case' as const, mac: null, ips: [] } : ids.describe(key);
    const dhcp = ids.dhcpHostname(who.mac);
    const learnt = who.ips.flatMap((ip) => names.all(ip) as { name: string; source: string }[]);
    const all = [...(dhcp ? [{ name: dhcp, source: 'dhcp' }] : []), ...learnt].filter((x, i, a) => a.findIndex((y) => y.name === x.name) === i);
    const mine = sessions.filter((s) => key === 'case' || s.hostKey === key);
    const { sessionCount, ...measured } = acc.finish(o.settings.sessionGap);
    const summary: HostSummary = {
      id: 0,
      key,
      kind: who.kind,
      name: all[0]?.name ?? null,
      mac: who.mac,
      ips: who.ips,
      local: who.ips.length > 0 && who.ips.every((ip) => local.contains(ip)),
      flows: acc.flows,
      packets: acc.packets,
      bytes: acc.bytes,
      packetsSent: acc.packetsSent,
      packetsReceived: acc.packetsReceived,
      bytesSent: acc.bytesSent,
      bytesReceived: acc.bytesReceived,
      firstTs: acc.firstTs,
      lastTs: acc.lastTs,
      sessions: sessionCount,
      peers: acc.peers.size,
      uniqueDstPorts: acc.uniqueDstPorts,
      apps: acc.appCount,
      topApp: acc.topOf('apps'),
      topCategory: acc.topOf('categories'),
      countries: acc.countryCount,
      ...typingOf(mine),
    };
    return { summary, names: all, ...measured };
  };
  const keyed = [...hosts].map(([key, acc]) => ({ key, profile: profileOf(key, acc) }));
  keyed.sort((a, b) => b.profile.summary.bytes - a.profile.summary.bytes || (a.key < b.key ? -1 : 1));
  return { caseProfile: profileOf('case', whole), hosts: keyed, sessions };
}

/** A host's SSH/Telnet sessions together: keystrokes, and the speed over all its typing time. */
function typingOf(sessions: KeyedSession[]): Pick<HostSummary, 'interactiveSessions' | 'keystrokes' | 'typingCpm'> {
  let intervals = 0;
  let seconds = 0;
  let keystrokes = 0;
  for (const s of sessions) {
    keystrokes += s.keystrokes;
    if (s.typingCpm !== null) {
      intervals += (s.typingCpm * s.typingSeconds) / 60;
      seconds += s.typingSeconds;
    }
  }
  return { interactiveSessions: sessions.length, keystrokes, typingCpm: seconds > 0 ? (60 * intervals) / seconds : null };
}
