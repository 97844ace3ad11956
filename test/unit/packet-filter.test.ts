import { describe, expect, it } from 'vitest';
import { DecodedPacket } from '../../electron/dissect/decoded-packet';
import { PacketFilter } from '../../electron/flows/packet-filter';
import { ImportFilter } from '../../shared/domain/import-filter';
import { parseIpAddress } from '../../shared/net/ip-key';

/** A decoded packet between two addresses, as the IP decoders leave it (32-bit words, IPv4 in word 0). */
function packet(src: string, dst: string): DecodedPacket {
  const p = new DecodedPacket();
  const words = (text: string) => {
    const a = parseIpAddress(text)!;
    const v = new DataView(a.key.buffer);
    return a.family === 4 ? [v.getInt32(12), 0, 0, 0] : [0, 4, 8, 12].map((o) => v.getInt32(o));
  };
  p.ipVersion = src.includes(':') ? 6 : 4;
  [p.src0, p.src1, p.src2, p.src3] = words(src);
  [p.dst0, p.dst1, p.dst2, p.dst3] = words(dst);
  return p;
}

const filter = (spec: Partial<ImportFilter>) => new PacketFilter(ImportFilter.parse(spec));

describe('import packet filter', () => {
  it('drops packets to or from an excluded address or block, either side, both families', () => {
    const f = filter({ exclude: ['10.20.0.254', '192.168.0.0/16', '2001:db8::/32'] });
    expect(f.drop(packet('10.20.0.2', '10.20.0.254'))).toBe('filtered: excluded address');
    expect(f.drop(packet('10.20.0.254', '8.8.8.8'))).toBe('filtered: excluded address');
    expect(f.drop(packet('192.168.255.255', '8.8.8.8'))).toBe('filtered: excluded address');
    expect(f.drop(packet('10.20.0.253', '10.20.0.255'))).toBeNull();
    expect(f.drop(packet('2001:db8:ffff::1', '2001:4860::8888'))).toBe('filtered: excluded address');
    expect(f.drop(packet('2001:db9::1', '2001:4860::8888'))).toBeNull();
    // Addresses with the top bit set (negative as int32) compare as unsigned.
    expect(filter({ exclude: ['224.0.0.0/4'] }).drop(packet('10.0.0.1', '239.255.255.250'))).toBe('filtered: excluded address');
    expect(filter({ exclude: ['224.0.0.0/4'] }).drop(packet('10.0.0.1', '223.255.255.255'))).toBeNull();
  });

  it('keeps only packets with a listed host at either end; exclusion is checked first', () => {
    const f = filter({ only: ['10.20.0.2', 'fe80::/10'], exclude: ['10.20.0.254'] });
    expect(f.drop(packet('10.20.0.2', '157.240.1.53'))).toBeNull();
    expect(f.drop(packet('157.240.1.53', '10.20.0.2'))).toBeNull();
    expect(f.drop(packet('fe80::77', 'ff02::fb'))).toBeNull();
    expect(f.drop(packet('10.20.0.77', '239.255.255.250'))).toBe('filtered: no listed host');
    expect(f.drop(packet('10.20.0.2', '10.20.0.254'))).toBe('filtered: excluded address');
  });

  it('counts packets without IP as filtered only when asked; otherwise leaves them to the engine', () => {
    const nonIp = new DecodedPacket();
    expect(filter({ ipOnly: true }).drop(nonIp)).toBe('filtered: not IP');
    expect(filter({ only: ['10.0.0.1'] }).drop(nonIp)).toBeNull();
  });

  it('refuses what is not an address or block', () => {
    expect(ImportFilter.safeParse({ exclude: ['10.0.0.0/33'] }).success).toBe(false);
    expect(ImportFilter.safeParse({ only: ['proxy.local'] }).success).toBe(false);
    expect(ImportFilter.safeParse({ exclude: ['::/0'] }).success).toBe(true);
  });
});
