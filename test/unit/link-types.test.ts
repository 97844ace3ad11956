import { describe, expect, it } from 'vitest';
import { PacketRecord } from '../../electron/capture/packet-record';
import { decodePacket, DecodedPacket } from '../../electron/dissect/packet-decoder';

// An IPv4/UDP datagram 10.0.0.1:5353 -> 10.0.0.2:53 with 4 payload bytes, and an
// IPv6/TCP SYN 2001:db8::1:40000 -> 2001:db8::2:443.
const ipv4Udp = [
  0x45, 0, 0, 32, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
  0x14, 0xe9, 0, 53, 0, 12, 0, 0, 1, 2, 3, 4,
];
const ipv6Tcp = [
  0x60, 0, 0, 0, 0, 20, 6, 64,
  0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
  0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
  0x9c, 0x40, 0x01, 0xbb, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff, 0, 0, 0, 0,
];
const ethernet = (type: number) => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, type >> 8, type & 255];
const sll = (hatype: number, proto: number) => [0, 0, hatype >> 8, hatype & 255, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0, proto >> 8, proto & 255];
const sll2 = (hatype: number, proto: number) => [proto >> 8, proto & 255, 0, 0, 0, 0, 0, 3, hatype >> 8, hatype & 255, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0];
const le32 = (v: number) => [v & 255, (v >> 8) & 255, (v >> 16) & 255, v >>> 24];
const be32 = (v: number) => [v >>> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255];
const pppoe = (payload: number[]) => [0x11, 0, 0x12, 0x34, payload.length >> 8, payload.length & 255, ...payload];
/** An MPLS label stack entry: label, traffic class 0, bottom-of-stack bit, TTL 64. */
const label = (n: number, bottom: boolean) => [n >> 12, (n >> 4) & 255, ((n & 15) << 4) | (bottom ? 1 : 0), 64];

interface Outcome {
  ip: number;
  flow?: string;
  tunnel?: string;
  skip?: string;
  truncated?: boolean;
}

function decode(linkType: number, bytes: number[], lead = 3): Outcome {
  // Leading bytes that are not the packet's, as in a reader's chunk buffer.
  const rec = new PacketRecord();
  rec.data = new Uint8Array([...new Array(lead).fill(0xee), ...bytes]);
  rec.offset = lead;
  rec.caplen = bytes.length;
  rec.linkType = linkType;
  const p = new DecodedPacket();
  decodePacket(rec, p);
  const out: Outcome = { ip: p.ipVersion };
  if (p.ipVersion) {
    const addr = p.ipVersion === 4 ? [p.src0, p.dst0] : [p.src3, p.dst3];
    out.flow = `${p.proto} ${addr[0] >>> 0}:${p.srcPort} > ${addr[1] >>> 0}:${p.dstPort}`;
  }
  if (p.tunnel) out.tunnel = p.tunnel;
  if (p.skipReason) out.skip = p.skipReason;
  if (p.truncated) out.truncated = true;
  return out;
}

const udp4 = { ip: 4, flow: `17 ${0x0a000001}:5353 > ${0x0a000002}:53` };
const tcp6 = { ip: 6, flow: '6 1:40000 > 2:443' };

describe('Linux cooked capture', () => {
  it('SLL (113) hands the protocol field to the EtherType table', () => {
    expect(decode(113, [...sll(1, 0x0800), ...ipv4Udp])).toEqual(udp4);
    expect(decode(113, [...sll(772, 0x86dd), ...ipv6Tcp])).toEqual(tcp6);
  });

  it('SLL carries PPP in HDLC framing under protocol 7', () => {
    expect(decode(113, [...sll(512, 0x0007), 0xff, 0x03, 0x00, 0x21, ...ipv4Udp])).toEqual(udp4);
  });

  it('SLL carries 802.2 LLC under protocol 4: SNAP with an EtherType, other SAPs skipped', () => {
    expect(decode(113, [...sll(1, 0x0004), 0xaa, 0xaa, 3, 0, 0, 0, 0x08, 0x00, ...ipv4Udp])).toEqual(udp4);
    expect(decode(113, [...sll(1, 0x0004), 0x42, 0x42, 3, 0, 0])).toEqual({ ip: 0, skip: 'non-IP frame' });
  });

  it('SLL skips netlink and cut headers with their reason', () => {
    expect(decode(113, [...sll(824, 0x0800), ...ipv4Udp])).toEqual({ ip: 0, skip: 'netlink message' });
    expect(decode(113, [...sll(1, 0x0004), 0xaa, 0xaa, 3])).toEqual({ ip: 0, skip: 'truncated SNAP header', truncated: true });
    expect(decode(113, sll(1, 0x0800).slice(0, 15))).toEqual({ ip: 0, skip: 'truncated Linux cooked header', truncated: true });
  });

  it('SLL2 (276) reads protocol and ARPHRD type from their new places', () => {
    expect(decode(276, [...sll2(1, 0x0800), ...ipv4Udp])).toEqual(udp4);
    expect(decode(276, [...sll2(1, 0x86dd), ...ipv6Tcp])).toEqual(tcp6);
    expect(decode(276, [...sll2(824, 0x0800), ...ipv4Udp])).toEqual({ ip: 0, skip: 'netlink message' });
    expect(decode(276, sll2(1, 0x0800).slice(0, 19))).toEqual({ ip: 0, skip: 'truncated Linux cooked header', truncated: true });
  });
});

describe('raw IP', () => {
  it.each([101, 12, 14])('DLT %i picks the version from the first nibble', (dlt) => {
    expect(decode(dlt, ipv4Udp)).toEqual(udp4);
    expect(decode(dlt, ipv6Tcp)).toEqual(tcp6);
    expect(decode(dlt, [0x50, ...ipv4Udp.slice(1)])).toEqual({ ip: 0, skip: 'raw frame that is neither IPv4 nor IPv6' });
    expect(decode(dlt, [])).toEqual({ ip: 0, skip: 'truncated IP header', truncated: true });
  });

  it('DLT 228 is IPv4 only and DLT 229 IPv6 only, as their definitions say', () => {
    expect(decode(228, ipv4Udp)).toEqual(udp4);
    expect(decode(229, ipv6Tcp)).toEqual(tcp6);
    expect(decode(228, ipv6Tcp)).toEqual({ ip: 0, skip: 'malformed IPv4 header' });
    expect(decode(229, ipv4Udp)).toEqual({ ip: 0, skip: 'truncated IPv6 header', truncated: true });
  });
});

describe('BSD loopback', () => {
  it('NULL (0) reads the address family in either byte order', () => {
    expect(decode(0, [...le32(2), ...ipv4Udp])).toEqual(udp4);
    expect(decode(0, [...be32(2), ...ipv4Udp])).toEqual(udp4);
    for (const af6 of [24, 28, 30]) {
      expect(decode(0, [...le32(af6), ...ipv6Tcp])).toEqual(tcp6);
      expect(decode(0, [...be32(af6), ...ipv6Tcp])).toEqual(tcp6);
    }
  });

  it('NULL takes a value above 1500 for an EtherType and skips other families', () => {
    expect(decode(0, [...be32(0x0800), ...ipv4Udp])).toEqual(udp4);
    expect(decode(0, [...le32(7), 1, 2, 3])).toEqual({ ip: 0, skip: 'non-IP loopback frame' });
    expect(decode(0, [2, 0, 0])).toEqual({ ip: 0, skip: 'truncated loopback header', truncated: true });
  });

  it('LOOP (108) is always in network byte order', () => {
    expect(decode(108, [...be32(2), ...ipv4Udp])).toEqual(udp4);
    expect(decode(108, [...be32(28), ...ipv6Tcp])).toEqual(tcp6);
    expect(decode(108, [...le32(2), ...ipv4Udp])).toEqual({ ip: 0, skip: 'non-IP loopback frame' });
  });
});

describe('PPP', () => {
  it.each([9, 50])('DLT %i: RFC 1662 framing, compressed address/control and protocol fields', (dlt) => {
    expect(decode(dlt, [0xff, 0x03, 0x00, 0x21, ...ipv4Udp])).toEqual(udp4);
    expect(decode(dlt, [0xff, 0x03, 0x00, 0x57, ...ipv6Tcp])).toEqual(tcp6);
    expect(decode(dlt, [0x00, 0x21, ...ipv4Udp])).toEqual(udp4);
    expect(decode(dlt, [0x21, ...ipv4Udp])).toEqual(udp4);
    expect(decode(dlt, [0xff, 0x03, 0xc0, 0x21, 1, 1, 0, 4])).toEqual({ ip: 0, skip: 'non-IP PPP frame' });
    expect(decode(dlt, [0xff, 0x03, 0x00])).toEqual({ ip: 0, skip: 'truncated PPP header', truncated: true });
  });

  it('DLT 9 also carries Cisco HDLC framing, as Wireshark tells it apart', () => {
    expect(decode(9, [0x0f, 0x00, 0x08, 0x00, ...ipv4Udp])).toEqual(udp4);
    expect(decode(9, [0x8f, 0x00, 0x86, 0xdd, ...ipv6Tcp])).toEqual(tcp6);
  });

  it('DLT 204 skips its direction byte', () => {
    expect(decode(204, [1, 0xff, 0x03, 0x00, 0x21, ...ipv4Udp])).toEqual(udp4);
    expect(decode(204, [])).toEqual({ ip: 0, skip: 'truncated PPP header', truncated: true });
  });

  it('MPLS over PPP (0x0281)', () => {
    expect(decode(9, [0xff, 0x03, 0x02, 0x81, ...label(16, true), ...ipv4Udp])).toEqual(udp4);
  });

  it('Cisco HDLC (104) carries an EtherType', () => {
    expect(decode(104, [0x0f, 0x00, 0x08, 0x00, ...ipv4Udp])).toEqual(udp4);
    expect(decode(104, [0x8f, 0x00, 0x80, 0x35, 0, 0])).toEqual({ ip: 0, skip: 'non-IP frame' });
    expect(decode(104, [0x0f, 0x00, 0x08])).toEqual({ ip: 0, skip: 'truncated Cisco HDLC header', truncated: true });
  });
});

describe('PPPoE', () => {
  it('session frames (EtherType 0x8864) carry IPv4 and IPv6 and mark the tunnel', () => {
    expect(decode(1, [...ethernet(0x8864), ...pppoe([0x00, 0x21, ...ipv4Udp])])).toEqual({ ...udp4, tunnel: 'pppoe' });
    expect(decode(1, [...ethernet(0x8864), ...pppoe([0x00, 0x57, ...ipv6Tcp])])).toEqual({ ...tcp6, tunnel: 'pppoe' });
  });

  it('inside a VLAN tag, and bounded by the PPPoE length rather than the padded frame', () => {
    const vlan = [0x00, 0x64, 0x88, 0x64];
    expect(decode(1, [...ethernet(0x8100), ...vlan, ...pppoe([0x00, 0x21, ...ipv4Udp]), 0, 0, 0, 0])).toEqual({ ...udp4, tunnel: 'pppoe' });
  });

  it('LCP and discovery frames carry no IP', () => {
    expect(decode(1, [...ethernet(0x8864), ...pppoe([0xc0, 0x21, 1, 1, 0, 4])])).toEqual({ ip: 0, tunnel: 'pppoe', skip: 'non-IP PPP frame' });
    expect(decode(1, [...ethernet(0x8863), 0x11, 0x09, 0, 0, 0, 0])).toEqual({ ip: 0, skip: 'non-IP frame' });
    expect(decode(1, [...ethernet(0x8864), 0x11, 0, 0])).toEqual({ ip: 0, skip: 'truncated PPPoE header', truncated: true });
  });

  it('DLT 51 frames start with the PPPoE header', () => {
    expect(decode(51, pppoe([0x00, 0x21, ...ipv4Udp]))).toEqual({ ...udp4, tunnel: 'pppoe' });
  });
});

describe('MPLS', () => {
  it('walks the label stack to the bottom and picks IPv4 or IPv6 by the first nibble', () => {
    expect(decode(1, [...ethernet(0x8847), ...label(100, true), ...ipv4Udp])).toEqual(udp4);
    expect(decode(1, [...ethernet(0x8847), ...label(100, false), ...label(200, false), ...label(300, true), ...ipv6Tcp])).toEqual(tcp6);
    expect(decode(1, [...ethernet(0x8848), ...label(5, true), ...ipv4Udp])).toEqual(udp4);
  });

  it('does not follow pseudowires, and stops crafted stacks', () => {
    expect(decode(1, [...ethernet(0x8847), ...label(100, true), 0, 0, 0, 0, ...ethernet(0x0800), ...ipv4Udp])).toEqual({ ip: 0, skip: 'non-IP MPLS payload' });
    const endless = Array.from({ length: 40 }, () => label(1, false)).flat();
    expect(decode(1, [...ethernet(0x8847), ...endless, ...ipv4Udp])).toEqual({ ip: 0, skip: 'MPLS label stack too deep' });
    expect(decode(1, [...ethernet(0x8847), ...label(1, false), 0, 0])).toEqual({ ip: 0, skip: 'truncated MPLS label stack', truncated: true });
    expect(decode(1, [...ethernet(0x8847), ...label(1, true)])).toEqual({ ip: 0, skip: 'truncated MPLS payload', truncated: true });
  });
});

describe('unknown link types', () => {
  it('are not fatal: the packet is skipped with the link type named', () => {
    expect(decode(147, ipv4Udp)).toEqual({ ip: 0, skip: 'unsupported link type 147' });
  });
});

// Conversation parity for captures of every link type (and PPPoE, MPLS) is checked
// over the whole corpus by test/integration/tshark-conversations.test.ts.
