import { PACKET_INDEX_VERSION } from '../../flows/packet-index';

/**
 * Visits a stored packet index (flows/packet-index.ts) without building an
 * object per packet: profiles walk every packet of a case, millions of them.
 * `us` is microseconds after the flow's first packet.
 */
export function visitPacketIndex(bytes: Uint8Array, each: (us: number, wirelen: number, fromDestination: boolean) => void): void {
  if (bytes.length === 0) return;
  if (bytes[0] !== PACKET_INDEX_VERSION) throw new Error(`packet index version ${bytes[0]} is not supported (this build reads ${PACKET_INDEX_VERSION})`);
  let pos = 1;
  let us = 0;
  const n = bytes.length;
  while (pos < n) {
    // The offset delta is not needed here: skip its varint.
    while (bytes[pos] >= 0x80) pos++;
    pos++;
    let z = 0;
    let mul = 1;
    for (;;) {
      const b = bytes[pos++];
      z += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 0x80;
    }
    us += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    let l = 0;
    mul = 1;
    for (;;) {
      const b = bytes[pos++];
      l += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 0x80;
    }
    each(us, Math.floor(l / 2), l % 2 === 1);
  }
}
