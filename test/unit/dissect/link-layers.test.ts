import { describe, expect, it } from 'vitest';
import { decodeSummary, ethernet, ipv4, ipv6, le16, le32, tcp, u16, udp, v6 } from '../../support/decode-bytes';

const packet4 = ipv4(17, [10, 0, 0, 1], [10, 0, 0, 2], udp(5353, 53, [1, 2, 3, 4]));
const flow4 = '17 10.0.0.1:5353 > 10.0.0.2:53';
const packet6 = ipv6(6, v6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1), v6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 2), tcp(40000, 443));
const flow6 = '6 2001:db8::1:40000 > 2001:db8::2:443';
/** 802.2 LLC with a SNAP header (RFC 1042): DSAP/SSAP 0xaa, UI, OUI 00-00-00, EtherType. */
const snap = (type: number) => [0xaa, 0xaa, 0x03, 0, 0, 0, ...u16(type)];

describe('IEEE 802.3 with 802.2 LLC', () => {
  it('an 802.3 length field leads to LLC/SNAP and bounds the frame (robustness/zeek/snap-tcp.pcap)', () => {
    const llc = [...snap(0x0800), ...packet4];
    expect(decodeSummary(1, [...ethernet(llc.length), ...llc, 0, 0, 0, 0])).toEqual({ flow: flow4 });
  });

  it('IPv4 straight over LLC (SAP 6), other SAPs and raw IPX are not IP', () => {
    const llc = [0x06, 0x06, 0x03, ...packet4];
    expect(decodeSummary(1, [...ethernet(llc.length), ...llc])).toEqual({ flow: flow4 });
    expect(decodeSummary(1, [...ethernet(3), 0x42, 0x42, 0x03])).toEqual({ skip: 'non-IP frame' });
    expect(decodeSummary(1, [...ethernet(30), 0xff, 0xff, 0, 30])).toEqual({ skip: 'non-IP frame' });
    expect(decodeSummary(1, [...ethernet(8), 0xaa, 0xaa, 0x03, 0x00, 0x80, 0xc2, 0, 7])).toEqual({ skip: 'non-IP frame' });
  });
});

describe('FDDI (DLT 10)', () => {
  it('frame control and two addresses, then LLC/SNAP (robustness/zeek/llc.pcap)', () => {
    const header = [0x50, 0xaa, 0, 4, 0, 0x82, 0xa7, 0xaa, 0, 4, 0, 0x83, 0xa7];
    expect(decodeSummary(10, [...header, ...snap(0x0800), ...packet4])).toEqual({ flow: flow4 });
    expect(decodeSummary(10, header.slice(0, 12))).toEqual({ skip: 'truncated FDDI header', truncated: true });
  });
});

describe('IEEE 802.11 (DLT 105, 802.11-2020 §9.2-9.3)', () => {
  const addr = (n: number) => [2, 0, 0, 0, 0, n];
  /** Frame control (little-endian type/subtype byte, flags), duration, three addresses, sequence control. */
  const header = (fc: number, flags: number, seq = 0x0010) => [fc, flags, 0, 0, ...addr(1), ...addr(2), ...addr(3), ...le16(seq)];

  it('a data frame to the DS: LLC/SNAP after the 24-byte header', () => {
    expect(decodeSummary(105, [...header(0x08, 0x01), ...snap(0x0800), ...packet4])).toEqual({ flow: flow4 });
  });

  it('QoS data with a fourth address, and with HT Control (+HTC, robustness/tcpdump/ieee802.11_htc.pcap)', () => {
    expect(decodeSummary(105, [...header(0x88, 0x03), ...addr(4), 0x06, 0x00, ...snap(0x86dd), ...packet6])).toEqual({ flow: flow6 });
    expect(decodeSummary(105, [...header(0x88, 0x81), 0x16, 0x1b, 0xff, 0xff, 0xff, 0xff, ...snap(0x0800), ...packet4])).toEqual({ flow: flow4 });
  });

  it('an A-MSDU: the first subframe (destination, source, length, LLC)', () => {
    const sub = [...snap(0x0800), ...packet4];
    expect(decodeSummary(105, [...header(0x88, 0x02), 0x80, 0x00, ...addr(5), ...addr(6), ...u16(sub.length), ...sub, 0, 0])).toEqual({ flow: flow4 });
  });

  it('skips management, null, protected and continuation frames', () => {
    expect(decodeSummary(105, [...header(0x80, 0x00), 1, 2, 3])).toEqual({ skip: 'non-data 802.11 frame' });
    expect(decodeSummary(105, header(0x48, 0x01))).toEqual({ skip: 'non-IP frame' });
    expect(decodeSummary(105, [...header(0x88, 0x41), 0, 0, 1, 2, 3, 4])).toEqual({ skip: 'encrypted 802.11 frame' });
    expect(decodeSummary(105, [...header(0x08, 0x01, 0x0011), ...packet4])).toEqual({ skip: 'fragmented 802.11 frame' });
    expect(decodeSummary(105, [0x08])).toEqual({ skip: 'truncated 802.11 header', truncated: true });
  });
});

describe('radiotap (DLT 127, radiotap.org)', () => {
  const frame = [0x08, 0x01, 0, 0, ...[2, 0, 0, 0, 0, 1], ...[2, 0, 0, 0, 0, 2], ...[2, 0, 0, 0, 0, 3], 0x10, 0, ...snap(0x0800), ...packet4];
  it('skips the header by its length, TSFT and Flags read for a trailing FCS', () => {
    // Present: TSFT and Flags; 8-byte TSFT aligned at 8, Flags 0x10 (FCS at end), a pad byte, rate.
    const rt = [0, 0, ...le16(20), ...le32(0x00000003), ...new Array(8).fill(1), 0x10, 0, 2, 0];
    expect(decodeSummary(127, [...rt, ...frame, 0xde, 0xad, 0xbe, 0xef])).toEqual({ flow: flow4 });
    // Without flags: the 802.11 frame follows directly.
    expect(decodeSummary(127, [0, 0, ...le16(8), ...le32(0), ...frame])).toEqual({ flow: flow4 });
  });

  it('an extended present bitmap, and data padding after the 802.11 header', () => {
    const rt = [0, 0, ...le16(16), ...le32(0x80000002), ...le32(0), 0x20, 0, 0, 0];
    const qos = [0x88, 0x01, 0, 0, ...[2, 0, 0, 0, 0, 1], ...[2, 0, 0, 0, 0, 2], ...[2, 0, 0, 0, 0, 3], 0x10, 0, 0, 0, 0, 0, ...snap(0x0800), ...packet4];
    expect(decodeSummary(127, [...rt, ...qos])).toEqual({ flow: flow4 });
    expect(decodeSummary(127, [0, 0, ...le16(40), 0, 0, 0, 0])).toEqual({ skip: 'truncated radiotap header', truncated: true });
  });
});

describe('PKTAP (DLT 258 and 149, Darwin net/pktap.h)', () => {
  it('the header length and the inner DLT (little-endian) lead to the frame', () => {
    const header = [...le32(108), ...le32(1), ...le32(1), ...new Array(96).fill(0)];
    for (const dlt of [258, 149]) expect(decodeSummary(dlt, [...header, ...ethernet(0x0800), ...packet4])).toEqual({ flow: flow4 });
    expect(decodeSummary(258, [...le32(108), ...le32(1), ...le32(147), ...new Array(96).fill(0)])).toEqual({ skip: 'unsupported link type 147 inside PKTAP' });
    expect(decodeSummary(258, [...le32(400), ...le32(1), ...le32(1)])).toEqual({ skip: 'truncated PKTAP header', truncated: true });
  });
});

describe('IP over InfiniBand (DLT 242, RFC 4391 §6)', () => {
  it('two 20-byte hardware addresses, the EtherType and 2 reserved bytes', () => {
    expect(decodeSummary(242, [...new Array(40).fill(0x80), ...u16(0x0800), 0, 0, ...packet4])).toEqual({ flow: flow4 });
    expect(decodeSummary(242, new Array(43).fill(0))).toEqual({ skip: 'truncated IPoIB header', truncated: true });
  });
});

describe('ARCnet (DLT 7 and 129; RFC 1201, RFC 1051)', () => {
  it('Linux: source, destination, offset, protocol; RFC 1201 adds split flag and sequence', () => {
    expect(decodeSummary(129, [0xbe, 0x00, 0, 0, 0xd4, 0x00, 0x01, 0x65, ...packet4])).toEqual({ flow: flow4 });
    expect(decodeSummary(129, [0xbe, 0x00, 0, 0, 0xf0, ...packet4])).toEqual({ flow: flow4 });
    // An exception packet: flag 0xff, padding, then the real protocol, split flag and sequence.
    expect(decodeSummary(129, [0xbe, 0x00, 0, 0, 0xd4, 0xff, 0xff, 0xff, 0xd4, 0x00, 0x01, 0x65, ...packet4])).toEqual({ flow: flow4 });
    expect(decodeSummary(129, [0xbe, 0x00, 0, 0, 0xd5, 0x00, 0x01, 0x65, 0, 7])).toEqual({ skip: 'non-IP frame' });
  });

  it('BSD: source, destination, protocol', () => {
    expect(decodeSummary(7, [0xbe, 0x00, 0xc4, 0x00, 0x00, 0x01, ...packet6])).toEqual({ flow: flow6 });
    expect(decodeSummary(7, [0xbe, 0x00])).toEqual({ skip: 'truncated ARCnet header', truncated: true });
  });
});

describe('NFLOG (DLT 239, tcpdump.org LINKTYPE_NFLOG)', () => {
  const tlvLe = (type: number, value: number[]) => [...le16(4 + value.length), ...le16(type), ...value, ...new Array((4 - (value.length % 4)) % 4).fill(0)];
  const tlvBe = (type: number, value: number[]) => [...u16(4 + value.length), ...u16(type), ...value, ...new Array((4 - (value.length % 4)) % 4).fill(0)];

  it('walks the TLVs to the payload, in the capturing host\'s byte order', () => {
    const prefix = tlvLe(10, [...u16(0x0800), 0, 3]);
    expect(decodeSummary(239, [2, 0, 0, 0x14, ...prefix, ...tlvLe(9, packet4)])).toEqual({ flow: flow4 });
    expect(decodeSummary(239, [10, 0, 0, 0x14, ...tlvBe(1, [0, 0, 0, 0]), ...tlvBe(9, packet6)])).toEqual({ flow: flow6 });
  });

  it('a record without a payload, or of another family, has no flow', () => {
    expect(decodeSummary(239, [2, 0, 0, 0x14, ...tlvLe(10, [1, 2, 3, 4])])).toEqual({ skip: 'NFLOG record without a packet' });
    expect(decodeSummary(239, [7, 0, 0, 0x14, ...tlvLe(9, packet4)])).toEqual({ skip: 'non-IP NFLOG packet' });
  });
});

describe('Juniper Ethernet (DLT 178)', () => {
  it('the "MGC" pseudo-header with its extensions, then Ethernet (robustness/tcpdump/bgp-aigp.pcap)', () => {
    const ext = [0x01, 0x06, 0x01, 0x0e, 0x01, 0x02, 0x8c, 0x00, 0x04, 0x04, 0x4c, 0x01, 0x00, 0x00, 0x00, 0x50];
    expect(decodeSummary(178, [0x4d, 0x47, 0x43, 0x80, ...u16(ext.length), ...ext, ...ethernet(0x0800), ...packet4])).toEqual({ flow: flow4 });
    expect(decodeSummary(178, [0x4d, 0x47, 0x43, 0x00, ...ethernet(0x0800), ...packet4])).toEqual({ flow: flow4 });
    expect(decodeSummary(178, [0x4d, 0x47, 0x44, 0x00])).toEqual({ skip: 'malformed Juniper header' });
  });
});
