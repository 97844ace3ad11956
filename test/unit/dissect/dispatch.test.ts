import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../../electron/dissect/dispatch';
import { decodeBytes, decodeSummary, ethernet, ipv4, u16, udp } from '../../support/decode-bytes';

const a = [10, 0, 0, 1];
const b = [10, 0, 0, 2];

describe('dispatch', () => {
  it('bounds nesting: a frame of stacked VLAN tags ends with a reason instead of overflowing the stack', () => {
    const tags = Array.from({ length: 20_000 }, () => [0, 1, ...u16(0x8100)]).flat();
    expect(decodeSummary(1, [...ethernet(0x8100), ...tags])).toEqual({ vlan: 1, skip: 'too many nested headers', truncated: true });
    expect(MAX_NESTING).toBe(64);
  });

  it('tries the lower UDP port first, then the higher one (VXLAN answered from 4789)', () => {
    // VXLAN (RFC 7348 §5): flags with the I bit, 3 reserved bytes, VNI, reserved byte; then Ethernet.
    const inner = [...ethernet(0x0800), ...ipv4(17, a, b, udp(1000, 2000))];
    const vxlan = [0x08, 0, 0, 0, 0, 0, 1, 0, ...inner];
    expect(decodeSummary(1, [...ethernet(0x0800), ...ipv4(17, [192, 0, 2, 1], [192, 0, 2, 2], udp(4789, 50000, vxlan))])).toEqual({
      flow: '17 10.0.0.1:1000 > 10.0.0.2:2000',
      tunnel: 'vxlan',
    });
    // Not VXLAN (no I flag): the datagram stays the flow.
    const p = decodeBytes(1, [...ethernet(0x0800), ...ipv4(17, [192, 0, 2, 1], [192, 0, 2, 2], udp(50000, 4789, [0, 0, 0, 0, 0, 0, 0, 0, ...inner]))]);
    expect({ tunnel: p.tunnel, src: p.srcPort, dst: p.dstPort }).toEqual({ tunnel: '', src: 50000, dst: 4789 });
  });
});
