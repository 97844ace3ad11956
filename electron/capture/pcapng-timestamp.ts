import type { PacketRecord } from './packet-record';

/**
 * How an interface counts time (draft-ietf-opsawg-pcapng §4.2, if_tsresol and
 * if_tsoffset): timestamps are 64-bit counts of 10^-n or 2^-n seconds since
 * 1970 plus an offset in seconds. Precomputed once per interface so the
 * per-packet split into seconds and nanoseconds is integer arithmetic on two
 * 32-bit words: a nanosecond count since 1970 exceeds 2^53, so a plain number
 * would lose digits, and BigInt would allocate for every packet.
 */
export interface TimeUnits {
  /** Units per second at or below 10^9 (how to split), else 0. */
  perSecond: number;
  /** Above 10^9 units per second: 10^(n-9) units per nanosecond (decimal), or the binary shift n. */
  perNanosecond: number;
  shift: number;
  /** if_tsoffset, seconds. */
  offset: number;
}

export const MICROSECONDS: TimeUnits = { perSecond: 1_000_000, perNanosecond: 0, shift: 0, offset: 0 };

/**
 * Units for an if_tsresol byte: the top bit selects a power of two, the rest is
 * the exponent. Null for resolutions no clock has (beyond 10^-19 or 2^-63 s),
 * whose unit counts do not fit the 64-bit field meaningfully.
 */
export function timeUnits(tsresol: number, offset: number): TimeUnits | null {
  const exp = tsresol & 0x7f;
  if (tsresol & 0x80) {
    if (exp > 63) return null;
    if (exp < 30) return { perSecond: 2 ** exp, perNanosecond: 0, shift: 0, offset };
    // Wireshark divides the fraction by the whole number of units per nanosecond.
    const perNs = Number((1n << BigInt(exp)) / 1_000_000_000n);
    return { perSecond: 0, perNanosecond: perNs, shift: exp, offset };
  }
  if (exp > 19) return null;
  if (exp <= 9) return { perSecond: 10 ** exp, perNanosecond: 0, shift: 0, offset };
  return { perSecond: 0, perNanosecond: 10 ** (exp - 9), shift: 0, offset };
}

// Results of divU64, kept in module variables so dividing allocates nothing.
let qHi = 0;
let qLo = 0;
let rem = 0;

/** One 16-bit digit of long division; `d` at most 2^37 keeps every step below 2^53. */
function digit(x: number, d: number): number {
  let q = Math.floor(x / d);
  let r = x - q * d;
  // The float division may round across an integer: settle it exactly.
  if (r < 0) {
    q--;
    r += d;
  } else if (r >= d) {
    q++;
    r -= d;
  }
  rem = r;
  return q;
}

/** (hi·2^32 + lo) divided by d: quotient in qHi/qLo, remainder in rem. */
function divU64(hi: number, lo: number, d: number): void {
  const a = digit(hi >>> 16, d);
  const b = digit(rem * 65536 + (hi & 0xffff), d);
  const c = digit(rem * 65536 + (lo >>> 16), d);
  const e = digit(rem * 65536 + (lo & 0xffff), d);
  qHi = a * 65536 + b;
  qLo = c * 65536 + e;
}

/**
 * Sets `rec.tsSec`/`rec.tsNsec` from a pcapng timestamp, exactly as Wireshark's
 * pcapng reader does: whole seconds, then the fraction truncated to nanoseconds.
 */
export function setTimestamp(rec: Pick<PacketRecord, 'tsSec' | 'tsNsec'>, u: TimeUnits, hi: number, lo: number): void {
  if (u.perSecond > 0) {
    divU64(hi, lo, u.perSecond);
    rec.tsSec = qHi * 0x1_0000_0000 + qLo + u.offset;
    // rem < 2^30, so rem·10^9 needs at most 51 significant bits and the division is exact.
    rec.tsNsec = Math.floor((rem * 1e9) / u.perSecond);
  } else if (u.shift === 0) {
    // 10^-n with n > 9: count whole nanoseconds first, then split them.
    divU64(hi, lo, u.perNanosecond);
    divU64(qHi, qLo, 1e9);
    rec.tsSec = qHi * 0x1_0000_0000 + qLo + u.offset;
    rec.tsNsec = rem;
  } else {
    // 2^-n with n >= 30: the seconds are the top bits, the fraction the rest.
    const s = u.shift;
    const fracHi = s >= 32 ? hi % 2 ** (s - 32) : 0;
    const fracLo = s >= 32 ? lo : lo % 2 ** s;
    rec.tsSec = s >= 32 ? Math.floor(hi / 2 ** (s - 32)) : hi * 2 ** (32 - s) + Math.floor(lo / 2 ** s);
    rec.tsSec += u.offset;
    divU64(fracHi, fracLo, u.perNanosecond);
    rec.tsNsec = qLo;
  }
}
