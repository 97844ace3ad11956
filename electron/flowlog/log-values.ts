import { parseIpAddress } from '../../shared/net/ip-key';
import { RowError } from './row-error';

/** A value the log leaves unset: empty, Zeek's "-", or a CSV "NaN"/"null". */
export function isUnset(v: string | undefined): boolean {
  return v === undefined || v === '' || v === '-' || v === '(empty)';
}

export function address(v: string | undefined, column: string): string | null {
  if (isUnset(v)) return null;
  const t = v!.trim();
  // IPv6 zone ids (fe80::1%eth0) name an interface, not a different address.
  const bare = t.replace(/%.*$/, '');
  if (!parseIpAddress(bare)) throw new RowError('address', `${column} ${JSON.stringify(t)} is not an IP address`);
  return bare;
}

/** A non-negative finite number (counts, durations). */
export function count(v: string | undefined, column: string): number | null {
  if (isUnset(v)) return null;
  const n = Number(v!.trim());
  if (!Number.isFinite(n)) throw new RowError('number', `${column} ${JSON.stringify(v)} is not a number`);
  if (n < 0) throw new RowError('number', `${column} is negative (${v})`);
  return n;
}

/** A feature value: CICFlowMeter writes Infinity and NaN for rates of zero-length flows; those become empty, not errors. */
export function feature(v: string | undefined): number | null {
  if (isUnset(v)) return null;
  const n = Number(v!.trim());
  return Number.isFinite(n) ? n : null;
}

export function port(v: string | undefined, column: string): number | null {
  const n = count(v, column);
  if (n !== null && (!Number.isInteger(n) || n > 65535)) throw new RowError('number', `${column} ${JSON.stringify(v)} is not a port number`);
  return n;
}

const PROTO_NAMES: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58, 'ipv6-icmp': 58, gre: 47, esp: 50, sctp: 132 };
const TEXT_OF: Record<number, string> = { 6: 'tcp', 17: 'udp', 1: 'icmp', 58: 'icmpv6' };

/** A protocol as a name (tcp, UDP) or an IP protocol number: the flow's proto text and ip_proto. */
export function protocol(v: string | undefined, column: string): { proto: string; ipProto: number | null } | null {
  if (isUnset(v)) return null;
  const t = v!.trim().toLowerCase();
  const n = /^\d+$/.test(t) ? Number(t) : PROTO_NAMES[t];
  if (n === undefined || n > 255) throw new RowError('protocol', `${column} ${JSON.stringify(v)} is not a protocol name or number`);
  return { proto: TEXT_OF[n] ?? 'other', ipProto: n };
}

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:\s*([AaPp][Mm]))?$/;

/**
 * A start time: epoch seconds (values above 10^11 are taken as milliseconds,
 * above 10^14 as microseconds), ISO 8601, or CICFlowMeter's day-first
 * "d/m/Y H:M[:S] [AM|PM]". Times without a zone are read as UTC.
 */
export function timestamp(v: string | undefined, column: string): number | null {
  if (isUnset(v)) return null;
  const t = v!.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) {
    const n = Number(t);
    return n > 1e14 ? n / 1e6 : n > 1e11 ? n / 1e3 : n;
  }
  const m = DMY.exec(t);
  if (m) {
    let hour = Number(m[4]);
    const ampm = m[8]?.toLowerCase();
    if (ampm === 'pm' && hour < 12) hour += 12;
    if (ampm === 'am' && hour === 12) hour = 0;
    const ms = Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), hour, Number(m[5]), Number(m[6] ?? 0));
    const valid = Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 1 && Number(m[1]) <= 31 && hour <= 23 && Number(m[5]) <= 59 && Number(m[6] ?? 0) <= 59;
    if (valid) return ms / 1000 + Number(m[7] ?? 0);
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(t)) {
    const iso = t.replace(' ', 'T');
    const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(iso) ? iso : `${iso}Z`);
    if (Number.isFinite(ms)) {
      // Date keeps milliseconds only; microseconds in the text are added back.
      const frac = /\.(\d+)/.exec(iso)?.[1];
      return frac && frac.length > 3 ? Math.floor(ms / 1000) + Number(`0.${frac}`) : ms / 1000;
    }
  }
  throw new RowError('time', `${column} ${JSON.stringify(t)} is not a time (epoch seconds, ISO 8601 or d/m/Y H:M:S)`);
}
