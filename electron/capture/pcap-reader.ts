import { CaptureFormatError } from './capture-errors';
import type { ChunkBuffer } from './chunk-buffer';
import { PacketRecord, type PacketSink } from './packet-record';
import { newReadStats, tallyLinkTypes, type ReadStats } from './read-stats';

/** Wireshark refuses records above this size as corrupt; so do we (wtap.h). */
export const MAX_RECORD = 262_144;

const MAGIC_USEC = 0xa1b2c3d4;
const MAGIC_NSEC = 0xa1b23c4d;
// Alexey Kuznetsov's patched libpcap: same header, 24-byte records (ifindex, protocol, pkt_type, pad).
const MAGIC_KUZNETZOV = 0xa1b2cd34;

export function isPcapMagic(b: Uint8Array): boolean {
  if (b.length < 4) return false;
  const le = (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
  const be = ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
  return [MAGIC_USEC, MAGIC_NSEC, MAGIC_KUZNETZOV].some((m) => m === le || m === be);
}

/**
 * Classic libpcap files: microsecond and nanosecond magic, either byte order.
 * https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcap/
 */
export async function readPcap(
  file: string,
  cb: ChunkBuffer,
  sink: PacketSink,
  shouldStop: () => boolean | Promise<boolean>,
): Promise<ReadStats> {
  const stats = newReadStats('pcap');
  await readRecords(file, cb, sink, shouldStop, stats);
  // A pcap file has one link: every record counts for it.
  if (stats.interfaces.length > 0) stats.interfaces[0].packets = stats.packets;
  tallyLinkTypes(stats);
  return stats;
}

async function readRecords(file: string, cb: ChunkBuffer, sink: PacketSink, shouldStop: () => boolean | Promise<boolean>, stats: ReadStats): Promise<void> {
  if (!(await cb.ensure(24))) throw new CaptureFormatError(file, 0, 'file is shorter than a pcap header (24 bytes)');
  let b = cb.buf;
  const le = (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
  const be = ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
  const little = le === MAGIC_USEC || le === MAGIC_NSEC || le === MAGIC_KUZNETZOV;
  const magic = little ? le : be;
  if (magic !== MAGIC_USEC && magic !== MAGIC_NSEC && magic !== MAGIC_KUZNETZOV) {
    throw new CaptureFormatError(file, 0, 'not a pcap file (bad magic number)');
  }
  const fracScale = magic === MAGIC_NSEC ? 1 : 1000;
  const recHeader = magic === MAGIC_KUZNETZOV ? 24 : 16;
  const u32 = little
    ? (p: number) => (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0
    : (p: number) => ((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0;
  // Upper bits of the link-type field carry FCS information (LT_FCS_LENGTH_PRESENT etc.).
  const linkType = u32(20) & 0x03ffffff;
  stats.interfaces.push({ section: 0, interfaceId: 0, linkType, snaplen: u32(16), packets: 0, time: { perSecond: 1e9 / fracScale, perNanosecond: 0, shift: 0, offset: 0 } });
  stats.layout.sections.push({ offset: 0, little });
  stats.layout.recordHeader = recHeader;
  cb.pos = 24;

  const rec = new PacketRecord();
  rec.linkType = linkType;
  for (;;) {
    // Parse every whole record already in the buffer without awaiting. A DataView
    // read is inlined by V8; the byte order is fixed per file.
    b = cb.buf;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    rec.data = b;
    let pos = cb.pos;
    const end = cb.end;
    while (end - pos >= recHeader) {
      const incl = view.getUint32(pos + 8, little);
      if (incl > MAX_RECORD) {
        cb.pos = pos;
        stats.partial = true;
        stats.problem = `record ${stats.packets + 1} at byte ${cb.base + pos} claims ${incl} captured bytes, more than the ${MAX_RECORD}-byte maximum: the file is corrupt from here`;
        return;
      }
      if (end - pos < recHeader + incl) break;
      const orig = view.getUint32(pos + 12, little);
      rec.tsSec = view.getUint32(pos, little);
      rec.tsNsec = view.getUint32(pos + 4, little) * fracScale;
      // A fraction of a whole second or more is invalid (crafted files have it):
      // carried into the seconds so time stays ordered; Wireshark wraps it in 32 bits.
      if (rec.tsNsec >= 1e9) {
        rec.tsSec += Math.floor(rec.tsNsec / 1e9);
        rec.tsNsec %= 1e9;
      }
      rec.caplen = incl;
      rec.wirelen = orig < incl ? incl : orig;
      rec.offset = pos + recHeader;
      rec.fileOffset = cb.base + pos;
      rec.index = stats.packets;
      sink(rec);
      stats.packets++;
      pos += recHeader + incl;
    }
    cb.pos = pos;
    if (await shouldStop()) return;
    const need = cb.available < recHeader ? recHeader : recHeader + view.getUint32(pos + 8, little);
    if (!(await cb.ensure(need))) {
      if (cb.available > 0) {
        stats.partial = true;
        stats.problem = `the file ends inside record ${stats.packets + 1} (at byte ${cb.offset}, ${cb.available} of ${need} bytes present): it was cut short`;
      }
      return;
    }
  }
}
