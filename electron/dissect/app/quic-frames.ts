import type { QuicCryptoStream } from './quic-crypto-stream';
import { varintSize, varintValue } from './quic-varint';

/**
 * Frames of a decrypted Initial packet (RFC 9000 §12.4 lists the ones allowed
 * there): PADDING, PING, ACK, CRYPTO, CONNECTION_CLOSE. CRYPTO data goes to
 * `crypto`; anything else ends the walk (an Initial never carries it).
 * Returns the number of CRYPTO frames seen. Never throws.
 */
export function readInitialFrames(p: Uint8Array, crypto: QuicCryptoStream): number {
  const end = p.length;
  let o = 0;
  let found = 0;
  // Every frame consumes at least one byte.
  while (o < end) {
    const type = p[o];
    if (type === 0x00 || type === 0x01) {
      o++; // PADDING, PING
      continue;
    }
    if (type === 0x06) {
      // CRYPTO (§19.6): offset, length, data.
      const v = readVarints(p, o + 1, end, 2);
      if (v < 0) return found;
      const len = vals[1];
      if (v + len > end) return found;
      crypto.add(vals[0], p, v, len);
      found++;
      o = v + len;
      continue;
    }
    if (type === 0x02 || type === 0x03) {
      // ACK (§19.3): largest, delay, range count, first range, then (gap, length) pairs, ECN counts for 0x03.
      let q = readVarints(p, o + 1, end, 4);
      if (q < 0) return found;
      const ranges = vals[2];
      for (let i = 0; i < ranges; i++) {
        q = readVarints(p, q, end, 2);
        if (q < 0) return found;
      }
      if (type === 0x03) q = readVarints(p, q, end, 3);
      if (q < 0) return found;
      o = q;
      continue;
    }
    if (type === 0x1c) {
      // CONNECTION_CLOSE (§19.19): error code, frame type, reason length, reason.
      const q = readVarints(p, o + 1, end, 3);
      if (q < 0 || q + vals[2] > end) return found;
      o = q + vals[2];
      continue;
    }
    return found;
  }
  return found;
}

// Scratch for readVarints: one parse at a time, no allocation per frame.
const vals = [0, 0, 0, 0];

/** Reads `n` varints at `o` into `vals`; returns the offset after them, -1 when they run past `end`. */
function readVarints(p: Uint8Array, o: number, end: number, n: number): number {
  for (let i = 0; i < n; i++) {
    if (o >= end) return -1;
    const size = varintSize(p, o);
    if (o + size > end) return -1;
    vals[i] = varintValue(p, o);
    o += size;
  }
  return o;
}
