import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeSummary, ethernet, ipv6, u32, udp, v6 } from '../../support/decode-bytes';

// Layouts: RFC 8200 §4 (extension headers and their TLV options), RFC 5095 /
// RFC 2460 §4.4 (type 0 routing header), RFC 6275 §6.3-6.4 (home address
// option, type 2 routing header), RFC 8754 §2 (segment routing header),
// RFC 2675 §2 (jumbo payload option). Wireshark's conversations take the
// routing header's final destination and the home address; these tests pin the
// same addresses for the flow.
const src = v6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1);
const dst = v6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 2);
const hop1 = v6(0x2001, 0xdb8, 1, 0, 0, 0, 0, 1);
const hop2 = v6(0x2001, 0xdb8, 2, 0, 0, 0, 0, 2);
const home = v6(0x2001, 0xdb8, 0xaaaa, 0, 0, 0, 0, 9);
const dns = udp(30000, 53, [1, 2, 3, 4]);
const eth6 = (packet: number[]) => [...ethernet(0x86dd), ...packet];

/** A routing header: next header, length in 8-byte units after the first 8, type, segments left, 4 type-specific bytes. */
const routing = (next: number, type: number, segmentsLeft: number, fourBytes: number[], addresses: number[][]) => [next, addresses.length * 2, type, segmentsLeft, ...fourBytes, ...addresses.flat()];

describe('IPv6 extension headers', () => {
  it('a type 0 routing header in transit: the flow goes to its last address', () => {
    const rh = routing(17, 0, 2, [0, 0, 0, 0], [hop1, hop2]);
    expect(decodeSummary(1, eth6(ipv6(43, src, dst, [...rh, ...dns])))).toEqual({ flow: '17 2001:db8::1:30000 > 2001:db8:2::2:53' });
    // Segments left 0: the destination field already is the final destination.
    const done = routing(17, 0, 0, [0, 0, 0, 0], [hop1, hop2]);
    expect(decodeSummary(1, eth6(ipv6(43, src, dst, [...done, ...dns])))).toEqual({ flow: '17 2001:db8::1:30000 > 2001:db8::2:53' });
  });

  it('a segment routing header: the flow goes to the first segment, the final one', () => {
    const srh = routing(17, 4, 1, [1, 0, 0, 0], [hop2, hop1]);
    expect(decodeSummary(1, eth6(ipv6(43, src, dst, [...srh, ...dns])))).toEqual({ flow: '17 2001:db8::1:30000 > 2001:db8:2::2:53' });
  });

  it('a type 2 routing header names the home address as destination', () => {
    const rh2 = routing(17, 2, 1, [0, 0, 0, 0], [home]);
    expect(decodeSummary(1, eth6(ipv6(43, src, dst, [...rh2, ...dns])))).toEqual({ flow: '17 2001:db8::1:30000 > 2001:db8:aaaa::9:53' });
  });

  it('a home address destination option stands for the source', () => {
    // PadN of 2 bytes, then the option (type 0xc9, length 16): 24 bytes, length field 2.
    const dstOpts = [17, 2, 1, 2, 0, 0, 0xc9, 16, ...home];
    expect(decodeSummary(1, eth6(ipv6(60, src, dst, [...dstOpts, ...dns])))).toEqual({ flow: '17 2001:db8:aaaa::9:30000 > 2001:db8::2:53' });
  });

  it('a home address option with a wrong length byte still gives its 16-byte address (robustness/zeek/ipv6-mobility-dst-opts.pcap)', () => {
    const dstOpts = [17, 2, 1, 2, 0, 0, 0xc9, 1, ...home];
    expect(decodeSummary(1, eth6(ipv6(60, src, dst, [...dstOpts, ...dns])))).toEqual({ flow: '17 2001:db8:aaaa::9:30000 > 2001:db8::2:53' });
  });

  it('an option running past its header stops the packet before the transport', () => {
    const bad = [17, 0, 1, 2, 0, 0, 0xca, 40];
    const p = decodeBytes(1, eth6(ipv6(60, src, dst, [...bad, ...dns])));
    expect({ proto: p.proto, hasPorts: p.hasPorts, truncated: p.truncated }).toEqual({ proto: 17, hasPorts: false, truncated: true });
  });

  it('a hop-by-hop jumbo payload option gives the length when the header says 0', () => {
    // Jumbo option: type 0xc2, length 4, the payload length counting the 8-byte hop-by-hop header.
    const payload = [...udp(30000, 53, [1, 2, 3, 4]), 9, 9, 9, 9];
    const hbh = [17, 0, 0xc2, 4, ...u32(8 + 12)];
    const p = decodeBytes(1, eth6(ipv6(0, src, dst, [...hbh, ...payload], 0)));
    expect({ total: p.ipTotalLength, header: p.ipHeaderLength, wire: p.payloadWireLength }).toEqual({ total: 40 + 20, header: 48, wire: 4 });
  });

  it('a payload length of 0 without a jumbo option (TSO, BIG TCP) runs to the end of the frame on the wire', () => {
    const p = decodeBytes(1, eth6(ipv6(17, src, dst, dns, 0)), 14 + 40 + 12 + 100);
    expect({ total: p.ipTotalLength, wire: p.payloadWireLength }).toEqual({ total: 40 + 112, wire: 104 });
  });

  it('a header longer than the packet marks it truncated, with the header as the protocol', () => {
    const p = decodeBytes(1, eth6(ipv6(60, src, dst, [17, 4, 1, 2, 0, 0, 0, 0, ...dns])));
    expect({ proto: p.proto, hasPorts: p.hasPorts, truncated: p.truncated }).toEqual({ proto: 60, hasPorts: false, truncated: true });
  });

  it('a payload length beyond the frame is cut to it', () => {
    const p = decodeBytes(1, eth6(ipv6(17, src, dst, dns, 400)));
    expect({ total: p.ipTotalLength, wire: p.payloadWireLength }).toEqual({ total: 52, wire: 4 });
  });
});
