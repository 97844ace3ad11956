import type { PacketRecord } from './packet-record';
import { MAX_RECORD } from './pcap-reader';
import { OPT_COMMENT } from './pcapng-format';
import type { PcapngInterface } from './pcapng-interface';
import type { OptionCursor } from './pcapng-options';
import { setTimestamp } from './pcapng-timestamp';

/** What the packet-block readers need of the reader: the buffer and the section. */
export interface SectionView {
  view: DataView;
  bytes: Uint8Array;
  little: boolean;
  interfaces: PcapngInterface[];
  opts: OptionCursor;
}

const pad4 = (n: number) => (n + 3) & ~3;

function noInterface(id: number, count: number): string {
  return `refers to interface ${id}, but its section declares ${count === 0 ? 'no interface' : `only ${count}`}`;
}

function tooBig(caplen: number): string {
  return `claims ${caplen} captured bytes, more than the ${MAX_RECORD}-byte maximum`;
}

/**
 * An Enhanced Packet Block (draft-ietf-opsawg-pcapng §4.3), or with `obsolete`
 * the Packet Block of Appendix A (16-bit interface id and drop count instead of
 * a 32-bit interface id; same layout otherwise). Fills `rec` except for the
 * record number and file offset; returns what is wrong with the block, or null.
 */
export function readEnhancedPacket(s: SectionView, pos: number, len: number, rec: PacketRecord, obsolete: boolean): string | null {
  const v = s.view;
  const little = s.little;
  if (len < 32) return `is ${len} bytes long, shorter than a packet block's 32`;
  const id = obsolete ? v.getUint16(pos + 8, little) : v.getUint32(pos + 8, little);
  const iface = s.interfaces[id];
  if (iface === undefined) return noInterface(id, s.interfaces.length);
  const caplen = v.getUint32(pos + 20, little);
  if (caplen > MAX_RECORD) return tooBig(caplen);
  const optStart = pos + 28 + pad4(caplen);
  if (optStart > pos + len - 4) return `claims ${caplen} captured bytes, more than its ${len}-byte block holds`;
  const orig = v.getUint32(pos + 24, little);
  setTimestamp(rec, iface.time, v.getUint32(pos + 12, little), v.getUint32(pos + 16, little));
  rec.caplen = caplen;
  rec.wirelen = orig < caplen ? caplen : orig;
  rec.offset = pos + 28;
  rec.linkType = iface.info.linkType;
  rec.interfaceId = id;
  rec.comment = null;
  if (optStart < pos + len - 4) {
    const bad = readComments(s, optStart, pos + len - 4, rec);
    if (bad !== null) return bad;
  }
  iface.info.packets++;
  return null;
}

/** opt_comment (§3.5), possibly several: only a packet that has one gets a string. */
function readComments(s: SectionView, from: number, to: number, rec: PacketRecord): string | null {
  const o = s.opts;
  o.reset(s.view, s.bytes, from, to, s.little);
  while (o.next()) {
    if (o.code !== OPT_COMMENT) continue;
    rec.comment = rec.comment === null ? o.text() : `${rec.comment}\n${o.text()}`;
  }
  return o.malformed ? `has an option (code ${o.code}) running past the end of the block` : null;
}

/**
 * A Simple Packet Block (§4.4): no interface id (always the section's first),
 * no timestamp, no options. The captured length is the original length cut to
 * that interface's snaplen. With no time of its own, the packet keeps the
 * previous packet's timestamp, so flows never see time run backwards.
 */
export function readSimplePacket(s: SectionView, pos: number, len: number, rec: PacketRecord): string | null {
  if (len < 16) return `is ${len} bytes long, shorter than a simple packet block's 16`;
  const iface = s.interfaces[0];
  if (iface === undefined) return noInterface(0, 0);
  const orig = s.view.getUint32(pos + 8, s.little);
  const snaplen = iface.info.snaplen;
  const caplen = snaplen !== 0 && orig > snaplen ? snaplen : orig;
  if (caplen > MAX_RECORD) return tooBig(caplen);
  if (16 + pad4(caplen) > len) return `holds a ${orig}-byte packet that its ${len}-byte block cannot hold`;
  rec.caplen = caplen;
  rec.wirelen = orig;
  rec.offset = pos + 12;
  rec.linkType = iface.info.linkType;
  rec.interfaceId = 0;
  rec.comment = null;
  iface.info.packets++;
  return null;
}
