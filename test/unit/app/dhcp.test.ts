import { describe, expect, it } from 'vitest';
import { parseDhcp } from '../../../electron/dissect/app/dhcp';
import { fromTcpdumpX } from '../../support/hex-dump';

// tcpdump -n -X -r corpus/robustness/tcpdump/dhcp-mud.pcap, packet 1:
// 62.12.173.121.67 > 62.12.173.114.67: BOOTP/DHCP, Request from b8:27:eb:b8:53:c8, length 394
const REQUEST = fromTcpdumpX(`
	0x0000:  4500 01a6 24f3 0000 ff11 be4f 3e0c ad79  E...$......O>..y
	0x0010:  3e0c ad72 0043 0043 0192 0089 0101 0601  >..r.C.C........
	0x0020:  068c 4847 0000 0000 3e0c ad7b 0000 0000  ..HG....>..{....
	0x0030:  0000 0000 3e0c ad79 b827 ebb8 53c8 0000  ....>..y.'..S...
	0x0040:  0000 0000 0000 0000 0000 0000 0000 0000  ................
	0x0050:  0000 0000 0000 0000 0000 0000 0000 0000  ................
	0x0060:  0000 0000 0000 0000 0000 0000 0000 0000  ................
	0x0070:  0000 0000 0000 0000 0000 0000 0000 0000  ................
	0x0080:  0000 0000 0000 0000 0000 0000 0000 0000  ................
	0x0090:  0000 0000 0000 0000 0000 0000 0000 0000  ................
	0x00a0:  0000 0000 0000 0000 0000 0000 0000 0000  ................
	0x00b0:  0000 0000 0000 0000 0000 0000 0000 0000  ................
	0x00c0:  0000 0000 0000 0000 0000 0000 0000 0000  ................
	0x00d0:  0000 0000 0000 0000 0000 0000 0000 0000  ................
	0x00e0:  0000 0000 0000 0000 0000 0000 0000 0000  ................
	0x00f0:  0000 0000 0000 0000 0000 0000 0000 0000  ................
	0x0100:  0000 0000 0000 0000 6382 5363 3501 033d  ........c.Sc5..=
	0x0110:  0701 b827 ebb8 53c8 3902 05c0 a136 6874  ...'..S.9....6ht
	0x0120:  7470 733a 2f2f 6d75 6463 746c 2e65 7861  tps://mudctl.exa
	0x0130:  6d70 6c65 2e63 6f6d 2f2e 7765 6c6c 2d6b  mple.com/.well-k
	0x0140:  6e6f 776e 2f6d 7564 2f76 312f 7261 7362  nown/mud/v1/rasb
	0x0150:  7031 3031 3c2d 6468 6370 6364 2d36 2e31  p101<-dhcpcd-6.1
	0x0160:  312e 353a 4c69 6e75 782d 342e 312e 3138  1.5:Linux-4.1.18
	0x0170:  2d76 372b 3a61 726d 7637 6c3a 4243 4d32  -v7+:armv7l:BCM2
	0x0180:  3730 390c 0b72 6173 7062 6572 7279 7069  709..raspberrypi
	0x0190:  9101 0137 1001 7921 0306 0c0f 1c2a 3336  ...7..y!.....*36
	0x01a0:  3a3b 6465 77ff                           :;dew.`);
const UDP_PAYLOAD = 28;

describe('DHCP', () => {
  it('reads the client identity of a DHCPREQUEST (tshark: hostname raspberrypi, vendor class dhcpcd-6.11.5…)', () => {
    expect(parseDhcp(REQUEST, UDP_PAYLOAD, REQUEST.length - UDP_PAYLOAD)).toEqual({
      op: 1,
      xid: 0x068c4847,
      messageType: 3,
      clientMac: 'b8:27:eb:b8:53:c8',
      hostname: 'raspberrypi',
      requestedIp: null,
      vendorClass: 'dhcpcd-6.11.5:Linux-4.1.18-v7+:armv7l:BCM2709',
      truncated: false,
    });
  });

  it('reads the requested address (option 50) and marks options cut before END', () => {
    const m = Uint8Array.from(REQUEST.subarray(UDP_PAYLOAD, UDP_PAYLOAD + 240 + 3)); // header, cookie, option 53
    const withIp = new Uint8Array(m.length + 7);
    withIp.set(m);
    withIp.set([50, 4, 192, 168, 1, 4, 255], m.length);
    expect(parseDhcp(withIp, 0, withIp.length)).toMatchObject({ messageType: 3, requestedIp: '192.168.1.4', hostname: null, truncated: false });
    expect(parseDhcp(m, 0, m.length - 1)).toMatchObject({ messageType: 0, truncated: true });
  });

  it('is plain BOOTP without the magic cookie, and nothing at all when too short or not BOOTP', () => {
    const bootp = Uint8Array.from(REQUEST.subarray(UDP_PAYLOAD, UDP_PAYLOAD + 236));
    expect(parseDhcp(bootp, 0, bootp.length)).toMatchObject({ op: 1, messageType: 0, clientMac: 'b8:27:eb:b8:53:c8' });
    expect(parseDhcp(bootp, 0, 200)).toBeNull();
    const other = Uint8Array.from(bootp);
    other[0] = 7;
    expect(parseDhcp(other, 0, other.length)).toBeNull();
  });

  it('never throws on random options', () => {
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (let n = 0; n < 1000; n++) {
      const b = Uint8Array.from(REQUEST.subarray(UDP_PAYLOAD, UDP_PAYLOAD + 240 + (n % 120)));
      for (let i = 240; i < b.length; i++) b[i] = rnd();
      expect(() => parseDhcp(b, 0, b.length)).not.toThrow();
    }
  });
});
