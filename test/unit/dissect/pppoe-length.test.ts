import { describe, expect, it } from 'vitest';
import { decodeBytes, ethernet, ipv4, tcp, u16 } from '../../support/decode-bytes';

// PPPoE session header (RFC 2516 §4): ver/type 0x11, code 0, session id, payload length; then PPP (0x0021 = IPv4).
const pppoe = (payloadLength: number, ppp: number[]) => [0x11, 0, 0x12, 0x34, ...u16(payloadLength), ...ppp];

describe('PPPoE length on the wire', () => {
  it('an IPv4 total length beyond the PPPoE payload length is cut to it, as Wireshark does', () => {
    // The IP header claims 6 bytes of TCP data that PPPoE's length leaves out (robustness/zeek/pppoe-over-qinq.pcap, frame 19).
    const packet = ipv4(6, [2, 2, 2, 2], [1, 1, 1, 1], tcp(443, 20394, 0x10, [0, 0, 0, 0, 0, 0]));
    const p = decodeBytes(1, [...ethernet(0x8864), ...pppoe(2 + 40, [0x00, 0x21, ...packet])]);
    expect({ total: p.ipTotalLength, payload: p.payloadLength, wire: p.payloadWireLength, tunnel: p.tunnel }).toEqual({ total: 40, payload: 0, wire: 0, tunnel: 'pppoe' });
  });
});
