import { PacketRecord } from '../../electron/capture/packet-record';
import { decodePacket, DecodedPacket } from '../../electron/dissect/packet-decoder';
import { addressFromWords } from '../../shared/net/address-text';

/** A frame of hand-built bytes through the link-type table, as the engine decodes it. */
export function decodeBytes(linkType: number, bytes: ArrayLike<number>, wirelen = bytes.length): DecodedPacket {
  // Leading bytes that are not the packet's, as in a reader's chunk buffer.
  const lead = 3;
  const rec = new PacketRecord();
  rec.data = new Uint8Array(lead + bytes.length).fill(0xee);
  rec.data.set(Array.from(bytes), lead);
  rec.offset = lead;
  rec.caplen = bytes.length;
  rec.wirelen = wirelen;
  rec.linkType = linkType;
  const p = new DecodedPacket();
  decodePacket(rec, p);
  return p;
}

export interface DecodeSummary {
  /** "proto src:port > dst:port" when an IP layer was found. */
  flow?: string;
  tunnel?: string;
  vlan?: number;
  skip?: string;
  truncated?: true;
}

/** The fields that make a packet's flow, as text, for exact comparisons. */
export function summary(p: DecodedPacket): DecodeSummary {
  const out: DecodeSummary = {};
  if (p.ipVersion) {
    const src = addressFromWords(p.ipVersion, p.src0, p.src1, p.src2, p.src3);
    const dst = addressFromWords(p.ipVersion, p.dst0, p.dst1, p.dst2, p.dst3);
    out.flow = `${p.proto} ${src}:${p.srcPort} > ${dst}:${p.dstPort}`;
  }
  if (p.tunnel) out.tunnel = p.tunnel;
  if (p.vlan) out.vlan = p.vlan;
  if (p.skipReason) out.skip = p.skipReason;
  if (p.truncated) out.truncated = true;
  return out;
}

export const decodeSummary = (linkType: number, bytes: ArrayLike<number>, wirelen?: number): DecodeSummary => summary(decodeBytes(linkType, bytes, wirelen));

// Building blocks for hand-built frames (big-endian fields).
export const u16 = (v: number): number[] => [(v >> 8) & 255, v & 255];
export const u32 = (v: number): number[] => [(v >>> 24) & 255, (v >> 16) & 255, (v >> 8) & 255, v & 255];
export const le16 = (v: number): number[] => [v & 255, (v >> 8) & 255];
export const le32 = (v: number): number[] => [v & 255, (v >> 8) & 255, (v >> 16) & 255, (v >>> 24) & 255];

/** An Ethernet II header (RFC 894) with the given EtherType (or 802.3 length). */
export const ethernet = (type: number): number[] => [2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, ...u16(type)];

/** IPv4 header (RFC 791) without options, checksum left 0, around `payload`. */
export function ipv4(proto: number, src: number[], dst: number[], payload: number[], id = 1, fragment = 0): number[] {
  return [0x45, 0, ...u16(20 + payload.length), ...u16(id), ...u16(fragment), 64, proto, 0, 0, ...src, ...dst, ...payload];
}

/** IPv6 header (RFC 8200) around `payload`; `next` is the first next-header value. */
export function ipv6(next: number, src: number[], dst: number[], payload: number[], payloadLength = payload.length): number[] {
  return [0x60, 0, 0, 0, ...u16(payloadLength), next, 64, ...src, ...dst, ...payload];
}

/** A 16-byte IPv6 address from its eight 16-bit groups. */
export const v6 = (...groups: number[]): number[] => groups.flatMap(u16);

/** UDP header (RFC 768), checksum 0, around `payload`. */
export const udp = (sport: number, dport: number, payload: number[] = []): number[] => [...u16(sport), ...u16(dport), ...u16(8 + payload.length), 0, 0, ...payload];

/** A 20-byte TCP header (RFC 9293) with the given flags, around `payload`. */
export const tcp = (sport: number, dport: number, flags = 0x02, payload: number[] = []): number[] => [...u16(sport), ...u16(dport), ...u32(1000), ...u32(0), 0x50, flags, ...u16(65535), 0, 0, 0, 0, ...payload];
