import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeSummary, ethernet, ipv4, tcp, u16, u32, udp } from '../../support/decode-bytes';

const packet4 = ipv4(17, [192, 168, 114, 1], [192, 168, 114, 2], udp(37459, 6666, [0x31, 0x32, 0x33, 0x0a]));
const flow4 = '17 192.168.114.1:37459 > 192.168.114.2:6666';

describe('IEEE 802.1ah provider backbone bridging (EtherType 0x88e7)', () => {
  it('the I-Tag, then the customer frame with its own VLAN tag (robustness/zeek/pbb.pcap)', () => {
    const customer = [...ethernet(0x8100), 0x00, 0x0a, ...u16(0x0800), ...packet4];
    expect(decodeSummary(1, [...ethernet(0x8100), 0xef, 0xd3, ...u16(0x88e7), ...u32(0x001ebb30), ...customer])).toEqual({ flow: flow4, tunnel: 'pbb', vlan: 10 });
  });

  it('nested I-Tags are followed; a cut one is reported', () => {
    const itag = (inner: number[]) => [...u32(0x00000001), ...ethernet(0x88e7), ...inner];
    const customer = [...u32(0x00000001), ...ethernet(0x0800), ...packet4];
    expect(decodeSummary(1, [...ethernet(0x88e7), ...itag(itag(customer))])).toEqual({ flow: flow4, tunnel: 'pbb' });
    expect(decodeSummary(1, [...ethernet(0x88e7), 0, 0, 0, 1])).toEqual({ skip: 'truncated 802.1ah I-Tag', truncated: true });
  });
});

describe('Cisco FabricPath (EtherType 0x8903)', () => {
  it('the FTag/TTL, then the original Ethernet frame (robustness/zeek/cisco-fabric-path.pcap)', () => {
    expect(decodeSummary(1, [...ethernet(0x8903), 0x00, 0x00, ...ethernet(0x0800), ...packet4])).toEqual({ flow: flow4, tunnel: 'fabricpath' });
    expect(decodeSummary(1, [...ethernet(0x8903), 0x00, 0x00, 1, 2])).toEqual({ skip: 'truncated FabricPath header', truncated: true });
  });
});

describe('MACsec (IEEE 802.1AE §9.3, EtherType 0x88e5)', () => {
  const icv = new Array(16).fill(0xcc);
  const sci = [0xca, 0xf9, 0xdf, 0x4f, 0x50, 0x9a, 0x00, 0x64];

  it('integrity only, with the SCI and a short length (robustness/tcpdump/macsec-short-valid.pcap)', () => {
    const data = [...u16(0x0800), ...packet4];
    expect(decodeSummary(1, [...ethernet(0x88e5), 0x20, data.length, ...u32(66), ...sci, ...data, ...icv])).toEqual({ flow: flow4 });
  });

  it('without SC and short length the ICV is the last 16 bytes, cut from the wire length', () => {
    const data = [...u16(0x0800), ...packet4];
    const p = decodeBytes(1, [...ethernet(0x88e5), 0x00, 0, ...u32(66), ...data, ...icv]);
    expect({ flow: p.srcPort, wire: p.payloadWireLength }).toEqual({ flow: 37459, wire: 4 });
  });

  it('encrypted or changed user data is skipped', () => {
    expect(decodeSummary(1, [...ethernet(0x88e5), 0x2c, 0, ...u32(66), ...sci, 1, 2, 3, 4, ...icv])).toEqual({ skip: 'encrypted MACsec frame' });
    expect(decodeSummary(1, [...ethernet(0x88e5), 0x20, 0])).toEqual({ skip: 'truncated MACsec header', truncated: true });
  });
});

describe('a TCP header', () => {
  it('is read whole from an Ethernet frame through the new decoders too', () => {
    expect(decodeSummary(1, [...ethernet(0x8903), 0, 0, ...ethernet(0x0800), ...ipv4(6, [10, 0, 0, 1], [10, 0, 0, 2], tcp(1, 2))])).toEqual({ flow: '6 10.0.0.1:1 > 10.0.0.2:2', tunnel: 'fabricpath' });
  });
});
