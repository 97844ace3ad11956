import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeSummary, ethernet, ipv4, ipv6, u16, udp, v6 } from '../../support/decode-bytes';

describe('PIM-SM Register (RFC 7761 §4.9.3)', () => {
  const inner = ipv4(17, [10, 0, 0, 12], [225, 0, 0, 11], udp(2468, 2468, [1, 2, 3, 4]));
  // PIM version 2, type 1 (Register), reserved, checksum; the Border and Null-Register bits and reserved; the packet.
  const register = (packet: number[]) => [0x21, 0, 0, 0, 0, 0, 0, 0, ...packet];

  it('the encapsulated multicast packet is the flow (robustness/tcpdump/pim-packet-assortment.pcap)', () => {
    expect(decodeSummary(1, [...ethernet(0x0800), ...ipv4(103, [10, 0, 0, 1], [10, 0, 0, 254], register(inner))])).toEqual({ flow: '17 10.0.0.12:2468 > 225.0.0.11:2468', tunnel: 'pim' });
    const inner6 = ipv6(17, v6(1, 0, 0, 0, 0, 0, 0, 3), v6(0xff02, 0, 0, 0, 0, 0, 0, 2), udp(2468, 2468, []));
    expect(decodeSummary(1, [...ethernet(0x86dd), ...ipv6(103, v6(1, 0, 0, 0, 0, 0, 0, 1), v6(1, 0, 0, 0, 0, 0, 0, 2), register(inner6))])).toEqual({ flow: '17 1::3:2468 > ff02::2:2468', tunnel: 'pim' });
  });

  it('other PIM messages stay PIM flows', () => {
    const hello = [0x20, 0, 0, 0, ...u16(1), ...u16(2), 0, 105, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(decodeSummary(1, [...ethernet(0x0800), ...ipv4(103, [10, 0, 0, 1], [224, 0, 0, 13], hello)])).toEqual({ flow: '103 10.0.0.1:0 > 224.0.0.13:0' });
  });
});

describe('a first fragment cut inside its transport header (RFC 1858)', () => {
  it('still names the ports, so the later fragments find the flow (apps/ndpi/pcap/ip_fragmented_garbage.pcap)', () => {
    // More fragments set, offset 0; 16 bytes of a TCP header.
    const first = ipv4(6, [10, 0, 0, 2], [10, 128, 0, 2], [...u16(18730), ...u16(20304), 0, 0, 0, 1, 0, 0, 0, 0, 0x60, 0x01, 0, 0], 0xa0, 0x2000);
    const p = decodeBytes(1, [...ethernet(0x0800), ...first]);
    expect({ ports: [p.srcPort, p.dstPort], hasPorts: p.hasPorts, truncated: p.truncated, more: p.moreFragments }).toEqual({ ports: [18730, 20304], hasPorts: true, truncated: true, more: true });
    // Not a fragment: a cut header has no ports.
    const cut = ipv4(17, [10, 0, 0, 2], [10, 128, 0, 2], [...u16(1), ...u16(2)]);
    expect(decodeBytes(1, [...ethernet(0x0800), ...cut]).hasPorts).toBe(false);
  });
});
