/**
 * The TLS record layer (RFC 8446 §5.1, RFC 5246 §6.2.1) as far as the first
 * handshake message: a ClientHello or ServerHello may span several records
 * (fragmentation is allowed, and large post-quantum key shares make it common),
 * and one record may hold several messages.
 */

export const CONTENT_CHANGE_CIPHER_SPEC = 20;
export const CONTENT_ALERT = 21;
export const CONTENT_HANDSHAKE = 22;
const RECORD_HEADER = 5;
// RFC 8446 §5.1: plaintext records carry at most 2^14 bytes; older stacks add up to 2048.
const MAX_RECORD = (1 << 14) + 2048;

/** The first handshake message found: its bytes, 4-byte header included. */
export interface HandshakeSlice {
  data: Uint8Array;
  offset: number;
  length: number;
}

export type HandshakeScan = HandshakeSlice | 'more' | null;

/**
 * Looks for the first complete handshake message in the TLS byte stream
 * `d[off, off+len)`. Returns the message (a view into `d` when it sits in one
 * record, else a copy of its fragments), 'more' when the bytes end before it
 * does, or null when the stream is not TLS handshake records. Messages larger
 * than `cap` give null. Never throws.
 */
export function firstHandshakeMessage(d: Uint8Array, off: number, len: number, cap: number): HandshakeScan {
  const end = Math.min(off + len, d.length);
  let o = off;
  let copy: Uint8Array | null = null;
  let got = 0;
  let need = -1;
  // Each record holds at least one byte, so this loop ends; the bound is for clarity.
  for (let records = 0; records < 4096; records++) {
    if (end - o < RECORD_HEADER) return looksLikeRecordStart(d, o, end) ? 'more' : null;
    const type = d[o];
    const recLen = (d[o + 3] << 8) | d[o + 4];
    // SSL 3.0 … TLS 1.3 all put 3 in the record's major version (TLS 1.3 freezes it at 0x0301/0x0303).
    if (d[o + 1] !== 3 || d[o + 2] > 4 || recLen === 0 || recLen > MAX_RECORD) return null;
    if (type !== CONTENT_HANDSHAKE) {
      // Some servers send a warning alert (e.g. unrecognized_name, RFC 6066 §3) before their ServerHello.
      if (copy !== null || (type !== CONTENT_ALERT && type !== CONTENT_CHANGE_CIPHER_SPEC)) return null;
      if (o + RECORD_HEADER + recLen >= end) return 'more';
      o += RECORD_HEADER + recLen;
      continue;
    }
    const frag = o + RECORD_HEADER;
    const fragEnd = frag + recLen;
    const availEnd = fragEnd < end ? fragEnd : end;
    if (copy === null && availEnd - frag >= 4) {
      need = 4 + ((d[frag + 1] << 16) | (d[frag + 2] << 8) | d[frag + 3]);
      if (need > cap) return null;
      // The common case: the whole message sits in this one record.
      if (need <= recLen) return availEnd - frag >= need ? { data: d, offset: frag, length: need } : 'more';
    }
    if (copy === null) copy = new Uint8Array(need > 0 ? need : cap);
    for (let i = frag; i < availEnd && got < copy.length; i++) copy[got++] = d[i];
    if (need < 0 && got >= 4) {
      need = 4 + ((copy[1] << 16) | (copy[2] << 8) | copy[3]);
      if (need > cap) return null;
    }
    if (need > 0 && got >= need) return { data: copy, offset: 0, length: need };
    if (fragEnd >= end) return 'more';
    o = fragEnd;
  }
  return null;
}

/** A partial header still has to look like a handshake record for us to wait for the rest. */
function looksLikeRecordStart(d: Uint8Array, o: number, end: number): boolean {
  if (o >= end) return true;
  if (d[o] !== CONTENT_HANDSHAKE && d[o] !== CONTENT_ALERT && d[o] !== CONTENT_CHANGE_CIPHER_SPEC) return false;
  return o + 1 >= end || d[o + 1] === 3;
}
