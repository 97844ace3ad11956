import { describe, expect, it } from 'vitest';
import { decodeSummary, ethernet, ipv4, ipv6, le16, tcp, u16, u32, udp, v6 } from '../../support/decode-bytes';

const outer = (payload: number[]) => [...ethernet(0x0800), ...ipv4(47, [192, 0, 2, 1], [192, 0, 2, 2], payload)];
const outerFlow = '47 192.0.2.1:0 > 192.0.2.2:0';
const inner4 = ipv4(17, [172, 16, 44, 3], [8, 8, 8, 8], udp(40768, 53, [1, 2, 3, 4]));
const innerFlow = '17 172.16.44.3:40768 > 8.8.8.8:53';

describe('enhanced GRE, version 1 (RFC 2637 §4.1, PPTP)', () => {
  // Flags K and S, A and version 1, protocol 0x880b; payload length, call id, sequence, acknowledgment.
  const pptp = (ppp: number[]) => [0x30, 0x81, ...u16(0x880b), ...u16(ppp.length), ...u16(6016), ...u32(430001), ...u32(539254), ...ppp];

  it('PPP carrying IPv4 is followed (robustness/zeek/tunnels/gre-pptp.pcap)', () => {
    expect(decodeSummary(1, outer(pptp([0xff, 0x03, 0x00, 0x21, ...inner4])))).toEqual({ flow: innerFlow, tunnel: 'gre' });
    // Address/control and protocol field compressed.
    expect(decodeSummary(1, outer(pptp([0x21, ...inner4])))).toEqual({ flow: innerFlow, tunnel: 'gre' });
  });

  it('compressed or encrypted PPP (CCP 0x00fd) keeps the GRE flow', () => {
    expect(decodeSummary(1, outer(pptp([0xff, 0x03, 0x00, 0xfd, 0x90, 0x01, 0x02])))).toEqual({ flow: outerFlow });
  });

  it('version 0 GRE with a PPP protocol type too (apps/ndpi/pcap/gre.pcapng)', () => {
    expect(decodeSummary(1, outer([0x00, 0x00, ...u16(0x880b), 0xff, 0x03, 0x00, 0x21, ...inner4]))).toEqual({ flow: innerFlow, tunnel: 'gre' });
  });
});

describe('WCCP redirection in GRE (protocol 0x883e)', () => {
  it('WCCP v2 puts a 4-byte redirect header before the packet, v1 none (robustness/tcpdump/wccp_redirect_gre.pcap)', () => {
    expect(decodeSummary(1, outer([0, 0, ...u16(0x883e), 0x05, 0x59, 0x00, 0x48, ...inner4]))).toEqual({ flow: innerFlow, tunnel: 'gre' });
    expect(decodeSummary(1, outer([0, 0, ...u16(0x883e), ...inner4]))).toEqual({ flow: innerFlow, tunnel: 'gre' });
  });
});

describe('Aruba 802.11 in GRE (protocols 0x8200-0x83f0)', () => {
  it('a QoS data frame with LLC/SNAP (robustness/zeek/tunnels/gre-aruba.pcap)', () => {
    const wlan = [0x88, 0x01, 0, 0, ...[0, 0x11, 0xdc, 0, 0, 1], ...[0xf0, 0x5c, 0x19, 0x7c, 0x8d, 0x70], ...[0x5c, 0x5f, 0x67, 2, 0x2e, 0x7a], ...le16(0x7d80), 0, 0];
    const inner6 = ipv6(6, v6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1), v6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 2), tcp(40000, 80));
    expect(decodeSummary(1, outer([0, 0, ...u16(0x8200), ...wlan, 0xaa, 0xaa, 0x03, 0, 0, 0, ...u16(0x86dd), ...inner6]))).toEqual({ flow: '6 2001:db8::1:40000 > 2001:db8::2:80', tunnel: 'gre' });
    expect(decodeSummary(1, outer([0, 0, ...u16(0x8240), ...wlan, 0xaa, 0xaa, 0x03, 0, 0, 0, ...u16(0x0800), ...inner4]))).toEqual({ flow: innerFlow, tunnel: 'gre' });
  });

  it('a protocol between the Aruba values stays the GRE flow', () => {
    expect(decodeSummary(1, outer([0, 0, ...u16(0x8201), 1, 2, 3, 4]))).toEqual({ flow: outerFlow });
  });
});
