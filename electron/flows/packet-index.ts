/**
 * A flow's packets, as a compact byte string stored with the flow: per packet
 * three varints — the record's file offset minus the previous packet's (the
 * first is absolute), its time minus the previous packet's in microseconds
 * (zig-zag: captures are not always in time order; the first is relative to the
 * flow's first packet, so 0), and the frame length doubled plus 1 for packets
 * from the destination. About five bytes a packet: offsets, not copies.
 */
export const PACKET_INDEX_VERSION = 1;

const SHRINK_ABOVE = 1 << 16;

/** The growing index of one active flow; pooled with its FlowState. */
export class PacketIndexWriter {
  buf = new Uint8Array(64);
  len = 0;
  count = 0;
  private lastOffset = 0;
  private lastUs = 0;

  reset(): void {
    // A pooled writer that served a huge flow gives its memory back.
    if (this.buf.length > SHRINK_ABOVE) this.buf = new Uint8Array(64);
    this.buf[0] = PACKET_INDEX_VERSION;
    this.len = 1;
    this.count = 0;
    this.lastOffset = 0;
    this.lastUs = 0;
  }

  add(fileOffset: number, ts: number, wirelen: number, fromDestination: boolean): void {
    if (this.len + 30 > this.buf.length) this.grow();
    const us = Math.round(ts * 1e6);
    const dUs = this.count === 0 ? 0 : us - this.lastUs;
    this.varint(fileOffset - this.lastOffset);
    this.varint(dUs >= 0 ? dUs * 2 : -dUs * 2 - 1);
    this.varint(wirelen * 2 + (fromDestination ? 1 : 0));
    this.lastOffset = fileOffset;
    this.lastUs = us;
    this.count++;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }

  private grow(): void {
    const next = new Uint8Array(this.buf.length * 2);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  // Values up to 2^53: the high part is split off arithmetically, not with 32-bit operators.
  private varint(v: number): void {
    const b = this.buf;
    let n = this.len;
    while (v >= 0x80) {
      b[n++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    b[n++] = v;
    this.len = n;
  }
}

export interface IndexedPacket {
  fileOffset: number;
  /** Microseconds after the flow's first packet. */
  us: number;
  wirelen: number;
  fromDestination: boolean;
}

/** Decodes a stored packet index; throws on a version it does not know. */
export function readPacketIndex(bytes: Uint8Array): IndexedPacket[] {
  if (bytes.length === 0) return [];
  if (bytes[0] !== PACKET_INDEX_VERSION) throw new Error(`packet index version ${bytes[0]} is not supported (this build reads ${PACKET_INDEX_VERSION})`);
  const out: IndexedPacket[] = [];
  let pos = 1;
  const next = () => {
    let v = 0;
    let mul = 1;
    for (;;) {
      if (pos >= bytes.length) throw new Error('packet index is cut short');
      const b = bytes[pos++];
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 0x80;
    }
  };
  let offset = 0;
  let us = 0;
  while (pos < bytes.length) {
    offset += next();
    const z = next();
    us += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    const l = next();
    out.push({ fileOffset: offset, us, wirelen: Math.floor(l / 2), fromDestination: l % 2 === 1 });
  }
  return out;
}
