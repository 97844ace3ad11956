import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { QuicInitialKeys } from './quic-keys';

/** A long-header packet with its protection removed. */
export interface OpenedPacket {
  packetNumber: number;
  /** The decrypted frames. */
  payload: Buffer;
}

const SAMPLE = 16;
const TAG = 16;

/**
 * Removes header protection (RFC 9001 §5.4: AES-ECB over a 16-byte sample taken
 * 4 bytes after the start of the packet number) and opens the AEAD_AES_128_GCM
 * payload (RFC 9001 §5.3: nonce = iv XOR packet number, AAD = the unprotected
 * header). `d[start, end)` is one packet; `pnOffset` is where its packet number
 * begins. Returns null when the packet is too short or fails authentication
 * (wrong keys, corruption). Never modifies `d`, never throws.
 */
export function openLongHeaderPacket(
  d: Uint8Array,
  start: number,
  pnOffset: number,
  end: number,
  keys: QuicInitialKeys,
  largestPn: number,
): OpenedPacket | null {
  const sampleAt = pnOffset + 4;
  if (sampleAt + SAMPLE > end || pnOffset <= start) return null;
  try {
    const ecb = createCipheriv('aes-128-ecb', keys.hp, null);
    ecb.setAutoPadding(false);
    const mask = ecb.update(d.subarray(sampleAt, sampleAt + SAMPLE));
    const first = d[start] ^ (mask[0] & 0x0f); // long header: the low 4 bits are protected
    const pnLen = (first & 0x03) + 1;
    const payloadAt = pnOffset + pnLen;
    if (payloadAt + TAG > end) return null;
    const header = Buffer.from(d.subarray(start, payloadAt));
    header[0] = first;
    let truncated = 0;
    for (let i = 0; i < pnLen; i++) {
      const b = header[pnOffset - start + i] ^ mask[1 + i];
      header[pnOffset - start + i] = b;
      truncated = truncated * 256 + b;
    }
    const pn = decodePacketNumber(largestPn, truncated, pnLen * 8);
    const nonce = Buffer.from(keys.iv);
    for (let i = 0, v = pn; i < 8 && v > 0; i++, v = Math.floor(v / 256)) nonce[11 - i] ^= v % 256;
    const gcm = createDecipheriv('aes-128-gcm', keys.key, nonce);
    gcm.setAAD(header);
    gcm.setAuthTag(d.subarray(end - TAG, end));
    const head = gcm.update(d.subarray(payloadAt, end - TAG));
    const tail = gcm.final();
    return { packetNumber: pn, payload: tail.length > 0 ? Buffer.concat([head, tail]) : head };
  } catch {
    return null;
  }
}

/** RFC 9000 Appendix A.3: the full packet number closest to the one expected next. */
export function decodePacketNumber(largest: number, truncated: number, bits: number): number {
  const expected = largest + 1;
  const win = 2 ** bits;
  const half = win / 2;
  const candidate = Math.floor(expected / win) * win + truncated;
  if (candidate <= expected - half && candidate < 2 ** 62 - win) return candidate + win;
  if (candidate > expected + half && candidate >= win) return candidate - win;
  return candidate;
}
