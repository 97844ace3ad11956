import { createCipheriv } from 'node:crypto';
import type { QuicInitialKeys } from '../../electron/dissect/app/quic-keys';

/**
 * Builds a protected QUIC v1 Initial packet (RFC 9000 §17.2.2, RFC 9001 §5.3–5.4):
 * the inverse of openLongHeaderPacket, for tests that need Initials the RFC
 * does not give (a hello split over several packets). Packet numbers are
 * written on 2 bytes; `frames` is padded to `size` bytes of payload.
 */
export function sealInitial(keys: QuicInitialKeys, dcid: Uint8Array, scid: Uint8Array, pn: number, frames: Uint8Array, size = 1162): Uint8Array {
  const payload = new Uint8Array(Math.max(size, frames.length));
  payload.set(frames);
  const length = 2 + payload.length + 16;
  const header = Uint8Array.from([0xc1, 0, 0, 0, 1, dcid.length, ...dcid, scid.length, ...scid, 0, 0x40 | (length >> 8), length & 0xff, pn >> 8, pn & 0xff]);
  const pnOffset = header.length - 2;
  const nonce = Buffer.from(keys.iv);
  nonce[10] ^= pn >> 8;
  nonce[11] ^= pn & 0xff;
  const gcm = createCipheriv('aes-128-gcm', keys.key, nonce);
  gcm.setAAD(header);
  const sealed = Buffer.concat([gcm.update(payload), gcm.final(), gcm.getAuthTag()]);
  const packet = new Uint8Array(header.length + sealed.length);
  packet.set(header);
  packet.set(sealed, header.length);
  const ecb = createCipheriv('aes-128-ecb', keys.hp, null);
  ecb.setAutoPadding(false);
  const mask = ecb.update(packet.subarray(pnOffset + 4, pnOffset + 20));
  packet[0] ^= mask[0] & 0x0f;
  packet[pnOffset] ^= mask[1];
  packet[pnOffset + 1] ^= mask[2];
  return packet;
}

/** A CRYPTO frame (RFC 9000 §19.6) with 4-byte varint offset and length. */
export function cryptoFrame(offset: number, data: Uint8Array): Uint8Array {
  const v4 = (n: number) => [0x80 | (n >>> 24), (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  return Uint8Array.from([0x06, ...v4(offset), ...v4(data.length), ...data]);
}
