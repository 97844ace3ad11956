import { z } from 'zod';

/**
 * A session record: the six behavioural attributes of one login session that
 * seed 004 classifies (login hour, duration, commands, failed logins, protocol,
 * typing speed). Records come from a CSV, a single scan, the REST API or a
 * capture's interactive sessions.
 */
export const SESSION_PROTOCOLS = ['HTTPS', 'SSH', 'FTP', 'TOR', 'Telnet', 'RDP', 'Other'] as const;
export const SessionProtocol = z.enum(SESSION_PROTOCOLS);
export type SessionProtocol = z.infer<typeof SessionProtocol>;

/** A protocol name as people write it (any case, `other` for the rest), or null when it is none of ours. */
export function parseProtocol(text: string): SessionProtocol | null {
  const t = text.trim().toLowerCase();
  return SESSION_PROTOCOLS.find((p) => p.toLowerCase() === t) ?? null;
}

export const SessionVerdict = z.enum(['Normal', 'Suspicious']);
export type SessionVerdict = z.infer<typeof SessionVerdict>;

/** The attribute ranges of the seed's single-scan form. */
export const SessionAttributes = z
  .object({
    /** Hour of login, 0–23 (local time of the logs, UTC for captures). */
    loginHour: z.number().int().min(0).max(23),
    /** Minutes. */
    sessionDuration: z.number().finite().min(0).max(1e7),
    commandsCount: z.number().int().min(0).max(1e9),
    failedLogins: z.number().int().min(0).max(1e9),
    protocol: SessionProtocol,
    /** Words per minute. */
    typingSpeed: z.number().finite().min(0).max(1e6),
  })
  .strict();
export type SessionAttributes = z.infer<typeof SessionAttributes>;

export const SessionSource = z.enum(['csv', 'scan', 'api', 'traffic']);
export type SessionSource = z.infer<typeof SessionSource>;
