import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeSummary, ethernet, ipv4, ipv6, tcp, u16, u32, udp, v6 } from '../../support/decode-bytes';

// The outer path: Ethernet, IPv4 192.0.2.1 -> 192.0.2.2, UDP; the inner flow 10.0.0.1:1000 -> 10.0.0.2:80.
const outer = (sport: number, dport: number, payload: number[]) => [...ethernet(0x0800), ...ipv4(17, [192, 0, 2, 1], [192, 0, 2, 2], udp(sport, dport, payload))];
const inner4 = ipv4(6, [10, 0, 0, 1], [10, 0, 0, 2], tcp(1000, 80));
const innerFlow = '6 10.0.0.1:1000 > 10.0.0.2:80';
const a6 = v6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1);
const b6 = v6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 2);
const inner6 = ipv6(17, a6, b6, udp(40000, 40001, [1, 2, 3, 4]));
const inner6Flow = '17 2001:db8::1:40000 > 2001:db8::2:40001';
const outerFlow = (sport: number, dport: number) => `17 192.0.2.1:${sport} > 192.0.2.2:${dport}`;

describe('Geneve (RFC 8926 §3.4)', () => {
  // Version 0 | option length in words; flags; protocol type; VNI (3 bytes); reserved.
  const geneve = (optionWords: number, type: number, options: number[], payload: number[]) => [optionWords, 0, ...u16(type), 0, 0, 42, 0, ...options, ...payload];

  it('skips its options to the inner Ethernet frame', () => {
    // One option: class 0x0101, type 0x80, length 1 word of data.
    const option = [...u16(0x0101), 0x80, 1, 0xde, 0xad, 0xbe, 0xef];
    expect(decodeSummary(1, outer(50000, 6081, geneve(2, 0x6558, option, [...ethernet(0x0800), ...inner4])))).toEqual({ flow: innerFlow, tunnel: 'geneve' });
  });

  it('carries an IP packet directly when the protocol type is an EtherType', () => {
    expect(decodeSummary(1, outer(50000, 6081, geneve(0, 0x86dd, [], inner6)))).toEqual({ flow: inner6Flow, tunnel: 'geneve' });
  });

  it('an Ethernet frame without IP leaves the packet without a flow; a header cut short is plain UDP', () => {
    expect(decodeSummary(1, outer(50000, 6081, geneve(0, 0x6558, [], ethernet(0x0806))))).toEqual({ tunnel: 'geneve', skip: 'non-IP frame' });
    expect(decodeSummary(1, outer(50000, 6081, geneve(2, 0x6558, [], [])))).toEqual({ flow: outerFlow(50000, 6081) });
  });

  it('another version is not Geneve (SIP from port 5060 to 6081 stays UDP); ARP inside has no flow', () => {
    expect(decodeSummary(1, outer(5060, 6081, [0x53, 0x49, 0x50, 0x2f, 0x32, 0x2e, 0x30, 0x20, 0x31, 0x30, 0x30]))).toEqual({ flow: outerFlow(5060, 6081) });
    expect(decodeSummary(1, outer(50000, 6081, geneve(0, 0x0806, [], [0, 1, 8, 0, 6, 4, 0, 1])))).toEqual({ tunnel: 'geneve', skip: 'non-IP frame' });
  });
});

describe('GTP-U (3GPP TS 29.281 §5)', () => {
  // Flags (version 1, PT 1, E/S/PN), message type, length after the first 8 bytes, TEID.
  const gtp = (flags: number, type: number, rest: number[]) => [flags, type, ...u16(rest.length), ...u32(0x12345678), ...rest];

  it('a G-PDU carries the user packet, IPv4 or IPv6', () => {
    expect(decodeSummary(1, outer(2152, 2152, gtp(0x30, 0xff, inner4)))).toEqual({ flow: innerFlow, tunnel: 'gtp' });
    expect(decodeSummary(1, outer(2152, 2152, gtp(0x30, 0xff, inner6)))).toEqual({ flow: inner6Flow, tunnel: 'gtp' });
  });

  it('skips the sequence number and extension headers (a PDCP PDU number, as robustness/zeek/tunnels/gtp/gtp_ext_header.pcap)', () => {
    // S and E set: sequence 5, N-PDU 0, next extension 0xc0; the extension: length 1 (4 bytes), 2 bytes, next 0.
    const rest = [...u16(5), 0, 0xc0, 1, 0x09, 0x04, 0, ...inner4];
    expect(decodeSummary(1, outer(9000, 2152, gtp(0x36, 0xff, rest)))).toEqual({ flow: innerFlow, tunnel: 'gtp' });
  });

  it('signalling, other versions and payloads that are not IP stay UDP flows', () => {
    expect(decodeSummary(1, outer(2152, 2152, gtp(0x32, 0x01, [...u16(1), 0, 0])))).toEqual({ flow: outerFlow(2152, 2152) });
    // RTP inside UDP 2152 within a G-PDU (robustness/zeek/tunnels/gtp/gtp4_udp_2152_inside.pcap): the inner datagram is the flow.
    const rtp = [0x80, 0xe1, 0x42, 0x63, 0, 0, 0, 0, 0, 0, 0, 0];
    const innerUdp = ipv4(17, [10, 0, 0, 1], [10, 0, 0, 2], udp(2152, 2152, rtp));
    expect(decodeSummary(1, outer(2152, 2152, gtp(0x30, 0xff, innerUdp)))).toEqual({ flow: '17 10.0.0.1:2152 > 10.0.0.2:2152', tunnel: 'gtp' });
    expect(decodeSummary(1, outer(2152, 2152, gtp(0x30, 0xff, [0x99, 1, 2, 3])))).toEqual({ flow: outerFlow(2152, 2152) });
  });
});

describe('Teredo (RFC 4380 §5.1.1)', () => {
  it('carries IPv6 in UDP, from the server port too', () => {
    expect(decodeSummary(1, outer(51000, 3544, inner6))).toEqual({ flow: inner6Flow, tunnel: 'teredo' });
    expect(decodeSummary(1, outer(3544, 51000, inner6))).toEqual({ flow: inner6Flow, tunnel: 'teredo' });
  });

  it('skips an origin indication and an authentication indicator', () => {
    const origin = [0, 0, ...u16(0xffff ^ 51000), ...u32(~0xc0000201 >>> 0)];
    expect(decodeSummary(1, outer(3544, 51000, [...origin, ...inner6]))).toEqual({ flow: inner6Flow, tunnel: 'teredo' });
    // Client id of 2 bytes, no authentication value, 8-byte nonce, confirmation byte.
    const auth = [0, 1, 2, 0, 0xaa, 0xbb, 1, 2, 3, 4, 5, 6, 7, 8, 0];
    expect(decodeSummary(1, outer(51000, 3544, [...auth, ...origin, ...inner6]))).toEqual({ flow: inner6Flow, tunnel: 'teredo' });
  });

  it('anything but IPv6 stays UDP', () => {
    expect(decodeSummary(1, outer(51000, 3544, [1, 2, 3, 4]))).toEqual({ flow: outerFlow(51000, 3544) });
  });
});

describe('AYIYA (draft-massar-v6ops-ayiya §5)', () => {
  // Identity length 2^4 = 16 bytes, type 1; signature 5 words (20 bytes), hash 2; auth 1, opcode; next header; epoch.
  const ayiya = (opcode: number, next: number, payload: number[]) => [0x41, 0x52, 0x10 | opcode, next, ...u32(1_600_000_000), ...new Array(16).fill(7), ...new Array(20).fill(9), ...payload];

  it('a forward carries the packet its next header names', () => {
    expect(decodeSummary(1, outer(12345, 5072, ayiya(1, 41, inner6)))).toEqual({ flow: inner6Flow, tunnel: 'ayiya' });
    expect(decodeSummary(1, outer(5072, 53859, ayiya(1, 4, inner4)))).toEqual({ flow: innerFlow, tunnel: 'ayiya' });
  });

  it('a heartbeat stays a UDP flow', () => {
    expect(decodeSummary(1, outer(12345, 5072, ayiya(0, 59, [])))).toEqual({ flow: outerFlow(12345, 5072) });
  });
});

describe('VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe §3.1) and NSH (RFC 8300 §2)', () => {
  // Flags with I and P, reserved, next protocol, VNI, reserved.
  const gpe = (next: number, payload: number[]) => [0x0c, 0, 0, next, 0, 0, 1, 0, ...payload];
  // NSH: version 0, TTL 63, length 6 words (24 bytes), MD type 2, next protocol; service path; 16 bytes of context TLVs.
  const nsh = (next: number, payload: number[]) => [0x0f, 0xc6, 0x02, next, 0, 0, 1, 255, ...new Array(16).fill(0), ...payload];

  it('NSH over VXLAN-GPE (robustness/tcpdump/nsh-over-vxlan-gpe.pcap), and IPv4 straight in VXLAN-GPE', () => {
    expect(decodeSummary(1, outer(4790, 4790, gpe(4, nsh(1, inner4))))).toEqual({ flow: innerFlow, tunnel: 'nsh' });
    expect(decodeSummary(1, outer(4790, 4790, gpe(1, inner4)))).toEqual({ flow: innerFlow, tunnel: 'vxlan-gpe' });
    expect(decodeSummary(1, outer(4790, 4790, gpe(3, [...ethernet(0x86dd), ...inner6])))).toEqual({ flow: inner6Flow, tunnel: 'vxlan-gpe' });
  });

  it('NSH over Ethernet (EtherType 0x894f)', () => {
    expect(decodeSummary(1, [...ethernet(0x894f), ...nsh(2, inner6)])).toEqual({ flow: inner6Flow, tunnel: 'nsh' });
    expect(decodeSummary(1, [...ethernet(0x894f), 0x0f, 0xc6, 0x02])).toEqual({ skip: 'truncated NSH header', truncated: true });
  });

  it('without the P flag or with an unknown next protocol it stays UDP', () => {
    expect(decodeSummary(1, outer(4790, 4790, [0x08, 0, 0, 1, 0, 0, 1, 0, ...inner4]))).toEqual({ flow: outerFlow(4790, 4790) });
    expect(decodeSummary(1, outer(4790, 4790, gpe(0x7f, inner4)))).toEqual({ flow: outerFlow(4790, 4790) });
  });
});

describe('GRE in UDP (RFC 8086 §3)', () => {
  it('UDP port 4754 carries a GRE header', () => {
    expect(decodeSummary(1, outer(50210, 4754, [0, 0, 0x08, 0x00, ...inner4]))).toEqual({ flow: innerFlow, tunnel: 'gre' });
  });
});

describe('the tunnel decoders touch nothing they do not take', () => {
  it('a datagram to a tunnel port that is not that tunnel keeps its ports and payload', () => {
    const p = decodeBytes(1, outer(40000, 6081, [1, 2, 3]));
    expect({ tunnel: p.tunnel, sport: p.srcPort, dport: p.dstPort, payload: p.payloadLength }).toEqual({ tunnel: '', sport: 40000, dport: 6081, payload: 3 });
  });
});
