import { describe, expect, it } from 'vitest';
import { parseIpv4, parseIpv6 } from '../../shared/net/address-parse';
import { ipv6Text } from '../../shared/net/address-text';
import { compareIpKeys, ipKey, ipKeyBlock, ipv4KeyBlock } from '../../shared/net/ip-key';

const hex = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b).toString('hex') : null);

describe('address parsing', () => {
  it('reads IPv4 dotted quads as inet_pton does', () => {
    expect([...parseIpv4('192.168.0.255')!]).toEqual([192, 168, 0, 255]);
    expect([...parseIpv4('0.0.0.0')!]).toEqual([0, 0, 0, 0]);
    for (const bad of ['1.2.3', '1.2.3.4.5', '1.2.3.4.', '.1.2.3', '00.1.2.3', '1.2.3.256', '1.2.3.2555', '256.1.1.1', '01.2.3.4', '1..2.3', '', 'a.b.c.d', '1.2.3.4 ', '-1.2.3.4', '1.2.3.0x4']) expect(parseIpv4(bad)).toBeNull();
  });

  it('reads IPv6 text forms (RFC 4291 §2.2) and refuses the rest', () => {
    expect(hex(parseIpv6('::'))).toBe('0'.repeat(32));
    expect(hex(parseIpv6('::1'))).toBe(`${'0'.repeat(31)}1`);
    expect(hex(parseIpv6('2001:DB8::1'))).toBe('20010db8000000000000000000000001');
    expect(hex(parseIpv6('1:2:3:4:5:6:7:8'))).toBe('00010002000300040005000600070008');
    expect(hex(parseIpv6('1:2:3:4:5:6:7::'))).toBe('00010002000300040005000600070000');
    expect(hex(parseIpv6('::ffff:1.2.3.4'))).toBe('00000000000000000000ffff01020304');
    expect(hex(parseIpv6('64:ff9b::192.0.2.33'))).toBe('0064ff9b0000000000000000c0000221');
    for (const bad of ['1::2::3', '12345::', ':1::', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', 'g::', 'fe80::1%eth0', '::1.2.3', '1.2.3.4::', ':::', '1:2:3:4:5:6:7:8::']) expect(parseIpv6(bad)).toBeNull();
  });

  it('reads back every text address-text.ts writes', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (let n = 0; n < 2000; n++) {
      const b = new Uint8Array(16);
      // Mostly zero groups, so "::" and the IPv4 tails of address-text appear.
      for (let g = 0; g < 8; g++) if (rnd() < 90) [b[2 * g], b[2 * g + 1]] = [rnd(), rnd()];
      const text = ipv6Text(b, 0);
      expect(hex(parseIpv6(text)), text).toBe(hex(b));
    }
  });
});

describe('ip keys', () => {
  it('are 16 bytes, IPv4 as IPv4-mapped IPv6', () => {
    expect(hex(ipKey('10.1.2.3'))).toBe('00000000000000000000ffff0a010203');
    expect(hex(ipKey('::ffff:10.1.2.3'))).toBe(hex(ipKey('10.1.2.3')));
    expect(hex(ipKey('2001:db8::1'))).toBe('20010db8000000000000000000000001');
    expect(ipKey('not an address')).toBeNull();
    expect(ipKey('')).toBeNull();
  });

  it('sort like the addresses they key', () => {
    const sorted = ['::', '::1', '0.0.0.0', '9.255.255.255', '10.0.0.0', '10.0.0.1', '192.168.1.1', '255.255.255.255', '2001:db8::', 'fe80::1', 'ffff::'];
    const keys = sorted.map((t) => ipKey(t)!);
    const shuffled = [...keys].reverse().sort(compareIpKeys);
    expect(shuffled.map(hex)).toEqual(keys.map(hex));
  });

  it('cover a CIDR block from its first to its last key, ignoring host bits', () => {
    const b = ipKeyBlock('10.1.2.3', 8)!;
    expect([b.family, hex(b.first), hex(b.last)]).toEqual([4, hex(ipKey('10.0.0.0')), hex(ipKey('10.255.255.255'))]);
    const c = ipKeyBlock('192.168.1.77', 30)!;
    expect([hex(c.first), hex(c.last)]).toEqual([hex(ipKey('192.168.1.76')), hex(ipKey('192.168.1.79'))]);
    const v6 = ipKeyBlock('2001:db8:ffff::1', 32)!;
    expect([v6.family, hex(v6.first), hex(v6.last)]).toEqual([6, '20010db8000000000000000000000000', '20010db8ffffffffffffffffffffffff']);
    expect(hex(ipKeyBlock('fe80::1', 128)!.first)).toBe(hex(ipKey('fe80::1')));
    expect([hex(ipv4KeyBlock.first), hex(ipv4KeyBlock.last)]).toEqual([hex(ipKey('0.0.0.0')), hex(ipKey('255.255.255.255'))]);
    expect([hex(ipKeyBlock('::', 0)!.first), hex(ipKeyBlock('::', 0)!.last)]).toEqual(['0'.repeat(32), 'f'.repeat(32)]);
    expect(ipKeyBlock('10.0.0.0', 33)).toBeNull();
    expect(ipKeyBlock('::', 129)).toBeNull();
    expect(ipKeyBlock('10.0.0.0', -1)).toBeNull();
    expect(ipKeyBlock('10.0.0', 8)).toBeNull();
  });
});
