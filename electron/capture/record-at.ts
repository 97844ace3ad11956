import { closeSync, openSync, readSync } from 'node:fs';
import { CaptureFormatError } from './capture-errors';
import { ChunkBuffer } from './chunk-buffer';
import { GzipSource } from './gzip-source';
import { PacketRecord } from './packet-record';
import { BLOCK_EPB, BLOCK_PB, BLOCK_SPB } from './pcapng-format';
import type { PcapngInterface } from './pcapng-interface';
import { OptionCursor } from './pcapng-options';
import { readEnhancedPacket, readSimplePacket, type SectionView } from './pcapng-packet-blocks';
import type { CaptureInterface, FileLayout } from './read-stats';

/**
 * Reads records again from their offsets in an evidence file (the packet index
 * stores offsets, not copies), with the layout and interfaces recorded at
 * import. Plain files are read at each offset; gzip files are inflated once
 * from the start, picking the wanted records on the way.
 */
export interface RecordSource {
  path: string;
  compressed: boolean;
  layout: FileLayout;
  interfaces: CaptureInterface[];
}

/** Calls `each` for the record at every offset, in the order given; the record is reused. */
export async function readRecordsAt(src: RecordSource, offsets: number[], each: (rec: PacketRecord, i: number) => void): Promise<void> {
  if (offsets.length === 0) return;
  const reader = new RecordDecoder(src);
  if (!src.compressed) {
    const fd = openSync(src.path, 'r');
    try {
      offsets.forEach((off, i) => each(reader.decode(readAt(fd, src.path, off, reader), off), i));
    } finally {
      closeSync(fd);
    }
    return;
  }
  // Inflate once, in offset order, then hand records back in the caller's order.
  const order = offsets.map((o, i) => [o, i] as const).sort((a, b) => a[0] - b[0]);
  const cb = new ChunkBuffer(new GzipSource(src.path));
  for (const [off, i] of order) {
    while (cb.base + cb.end < off + 8) {
      cb.pos = cb.end;
      if (!(await cb.ensure(1))) throw new CaptureFormatError(src.path, off, 'the compressed file ends before this record');
    }
    cb.pos = off - cb.base;
    const headerNeed = reader.headerLength();
    if (!(await cb.ensure(headerNeed))) throw new CaptureFormatError(src.path, off, 'the compressed file ends inside this record');
    const total = reader.recordLength(cb.buf, cb.pos, off);
    if (!(await cb.ensure(total))) throw new CaptureFormatError(src.path, off, 'the compressed file ends inside this record');
    each(reader.decode(cb.buf.slice(cb.pos, cb.pos + total), off), i);
  }
}

function readAt(fd: number, path: string, offset: number, reader: RecordDecoder): Uint8Array {
  const head = new Uint8Array(reader.headerLength());
  if (readSync(fd, head, 0, head.length, offset) !== head.length) throw new CaptureFormatError(path, offset, 'the file ends before this record: it changed since it was imported');
  const total = reader.recordLength(head, 0, offset);
  if (total > 64 * 1024 * 1024) throw new CaptureFormatError(path, offset, 'no record of this size: the file changed since it was imported');
  const all = new Uint8Array(total);
  if (readSync(fd, all, 0, total, offset) !== total) throw new CaptureFormatError(path, offset, 'the file ends inside this record: it changed since it was imported');
  return all;
}

/** Knows the file's format and sections; decodes one record held in a byte array. */
class RecordDecoder {
  private readonly rec = new PacketRecord();
  private readonly opts = new OptionCursor();
  private readonly sectionInterfaces: PcapngInterface[][];

  constructor(private readonly src: RecordSource) {
    this.sectionInterfaces = src.layout.sections.map((_, s) =>
      src.interfaces
        .filter((i) => i.section === s)
        .sort((a, b) => a.interfaceId - b.interfaceId)
        .map((info) => ({ info: { ...info }, time: info.time ?? { perSecond: 1e6, perNanosecond: 0, shift: 0, offset: 0 }, badResolution: false })),
    );
  }

  private sectionAt(offset: number): number {
    const sections = this.src.layout.sections;
    let s = 0;
    while (s + 1 < sections.length && sections[s + 1].offset <= offset) s++;
    return s;
  }

  headerLength(): number {
    return this.src.layout.format === 'pcap' ? (this.src.layout.recordHeader ?? 16) : 8;
  }

  /** Bytes of the record whose header is at `b[at]` and which sits at `fileOffset` in the file. */
  recordLength(b: Uint8Array, at: number, fileOffset: number): number {
    const little = this.src.layout.sections[this.sectionAt(fileOffset)]?.little ?? true;
    const v = new DataView(b.buffer, b.byteOffset + at, this.headerLength());
    if (this.src.layout.format === 'pcap') return (this.src.layout.recordHeader ?? 16) + v.getUint32(8, little);
    // pcapng: the block's total length, in its section's byte order.
    return v.getUint32(4, little);
  }

  decode(bytes: Uint8Array, fileOffset: number): PacketRecord {
    const rec = this.rec;
    rec.data = bytes;
    rec.fileOffset = fileOffset;
    rec.comment = null;
    // A simple packet block has no time of its own: -1 tells the caller to use the index's.
    rec.tsSec = -1;
    rec.tsNsec = 0;
    const section = this.sectionAt(fileOffset);
    const little = this.src.layout.sections[section]?.little ?? true;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (this.src.layout.format === 'pcap') {
      const iface = this.src.interfaces[0];
      const header = this.src.layout.recordHeader ?? 16;
      const nsPerUnit = 1e9 / (iface?.time?.perSecond ?? 1e6);
      rec.tsSec = view.getUint32(0, little);
      rec.tsNsec = view.getUint32(4, little) * nsPerUnit;
      rec.caplen = view.getUint32(8, little);
      const orig = view.getUint32(12, little);
      rec.wirelen = orig < rec.caplen ? rec.caplen : orig;
      rec.offset = header;
      rec.linkType = iface?.linkType ?? 1;
      rec.interfaceId = 0;
      return rec;
    }
    const s: SectionView = { view, bytes, little, interfaces: this.sectionInterfaces[section] ?? [], opts: this.opts };
    const type = view.getUint32(0, little);
    const problem =
      type === BLOCK_EPB || type === BLOCK_PB ? readEnhancedPacket(s, 0, bytes.length, rec, type === BLOCK_PB) : type === BLOCK_SPB ? readSimplePacket(s, 0, bytes.length, rec) : `is not a packet block (type 0x${type.toString(16)})`;
    if (problem) throw new CaptureFormatError(this.src.path, fileOffset, `the block here ${problem}: the file changed since it was imported`);
    return rec;
  }
}
