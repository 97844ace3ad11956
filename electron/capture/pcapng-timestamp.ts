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
  /** Units per second, when at most 10^9 (exact in a number; the common case). */
  perSecond: number;
  /** 10^-n with n > 9: 10^(n-9) units per nanosecond. */
  perNanosecond: number;
  /** 2^-n with n >= 30: n. */
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
    return { perSecond: 0, perNanosecond: 0, shift: exp, offset };
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
 * Sets `rec.tsSec`/`rec.tsNsec` from a pcapng timestamp: whole seconds, then the
 * fraction truncated to nanoseconds, floor(fraction · 10^9 / units), exactly.
 * (Wireshark 4.0 computes that product in 64 bits, so for resolutions finer than
 * about 10^-10 s its nanoseconds wrap; these do not.)
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
    const s = u.shift;
    rec.tsSec = (s >= 32 ? Math.floor(hi / 2 ** (s - 32)) : hi * 2 ** (32 - s) + Math.floor(lo / 2 ** s)) + u.offset;
    rec.tsNsec = binaryFraction(s >= 32 ? hi % 2 ** (s - 32) : 0, s >= 32 ? lo : lo % 2 ** s, s);
  }
}

/**
 * floor(f · 10^9 / 2^s) for a fraction f = fHi·2^32 + fLo < 2^s, 30 <= s <= 63.
 * 10^9 = 1953125 · 2^9, and f·1953125 is built from two products below 2^53.
 */
function binaryFraction(fHi: number, fLo: number, s: number): number {
  const b = fLo * 1953125;
  const bHi = Math.floor(b / 0x1_0000_0000);
  // f·1953125 = c·2^32 + bLo; fHi < 2^31 keeps c below 2^53.
  const c = fHi * 1953125 + bHi;
  const bLo = b - bHi * 0x1_0000_0000;
  const k = s - 9;
  return k >= 32 ? Math.floor(c / 2 ** (k - 32)) : c * 2 ** (32 - k) + Math.floor(bLo / 2 ** k);
}
