/**
 * 32-bit TCP sequence arithmetic (RFC 9293 section 3.4): sequence numbers wrap,
 * so "before" means the signed 32-bit difference is negative. These mirror
 * Wireshark's LT_SEQ/GT_SEQ/LE_SEQ macros, which its TCP analysis relies on.
 * Arguments are unsigned 32-bit values (as the decoder produces them).
 */
export function seqLt(a: number, b: number): boolean {
  return ((a - b) | 0) < 0;
}

export function seqGt(a: number, b: number): boolean {
  return ((b - a) | 0) < 0;
}

export function seqLe(a: number, b: number): boolean {
  return ((b - a) | 0) >= 0;
}

/** `a + b` wrapped to an unsigned 32-bit sequence number. */
export function seqAdd(a: number, b: number): number {
  return (a + b) >>> 0;
}

/**
 * Nanoseconds from (sec0, nsec0) to (sec, nsec). Seconds and nanoseconds are
 * kept apart so that no precision is lost on epoch timestamps; the result is
 * exact while the two times are less than about 100 days apart.
 */
export function nsBetween(sec0: number, nsec0: number, sec: number, nsec: number): number {
  return (sec - sec0) * 1e9 + (nsec - nsec0);
}

/**
 * `a < b` for values that Wireshark holds in a guint64: a negative time
 * difference wraps to a huge number there, so it is never "less than" a
 * positive threshold.
 */
export function u64Less(a: number, b: number): boolean {
  return a < 0 === b < 0 ? a < b : a >= 0;
}
