import { describe, expect, it } from 'vitest';
import { DecodedPacket } from '../../electron/dissect/decoded-packet';
import { flowHash, setKey, srcIsLowEndpoint } from '../../electron/flows/flow-key';
import { FlowState } from '../../electron/flows/flow-state';
import { FlowTable } from '../../electron/flows/flow-table';
import { IPPROTO_TCP } from '../../electron/dissect/tcp';
import { ipv4FromWord as ipv4ToString, ipv6FromWords as ipv6ToString } from '../../shared/net/address-text';

function packet(src: number, dst: number, sport: number, dport: number): DecodedPacket {
  const p = new DecodedPacket();
  p.ipVersion = 4;
  p.proto = 6;
  p.src0 = src;
  p.dst0 = dst;
  p.srcPort = sport;
  p.dstPort = dport;
  return p;
}

describe('flow key', () => {
  it('hashes both directions alike and tells which side is endpoint A', () => {
    const a = packet(0x0a000001, 0x0a000002, 40000, 443);
    const b = packet(0x0a000002, 0x0a000001, 443, 40000);
    expect(flowHash(a)).toBe(flowHash(b));
    expect(srcIsLowEndpoint(a)).toBe(true);
    expect(srcIsLowEndpoint(b)).toBe(false);
    // Unsigned comparison: 200.x sorts after 10.x although its word is negative as int32.
    const hi = packet(0xc8000001 | 0, 0x0a000001, 1, 2);
    expect(srcIsLowEndpoint(hi)).toBe(false);
  });
});

describe('flow table', () => {
  it('finds, touches and removes 100k flows, in LRU order', () => {
    const t = new FlowTable((tcp) => new FlowState(tcp), 16);
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const p = packet(0x0a000000 + i, 0x08080808, 1024 + (i % 50000), 53);
      const low = srcIsLowEndpoint(p);
      const f = t.insert(flowHash(p), p.proto === IPPROTO_TCP);
      setKey(f, p, low);
      f.firstTs = i;
    }
    expect(t.size).toBe(n);
    for (let i = 0; i < n; i += 997) {
      const rev = packet(0x08080808, 0x0a000000 + i, 53, 1024 + (i % 50000));
      const f = t.find(rev, flowHash(rev), srcIsLowEndpoint(rev));
      expect(f?.firstTs).toBe(i);
    }
    // Touch flow 0: it moves to the tail, so flow 1 becomes the oldest.
    const p0 = packet(0x0a000000, 0x08080808, 1024, 53);
    t.touch(t.find(p0, flowHash(p0), srcIsLowEndpoint(p0))!);
    expect(t.oldest()?.firstTs).toBe(1);
    for (let f = t.oldest(); f && f.firstTs < n / 2; f = t.oldest()) t.remove(f);
    expect(t.size).toBe(n / 2 + 1);
    const gone = packet(0x0a000005, 0x08080808, 1029, 53);
    expect(t.find(gone, flowHash(gone), srcIsLowEndpoint(gone))).toBeUndefined();
    expect(t.find(p0, flowHash(p0), srcIsLowEndpoint(p0))?.firstTs).toBe(0);
  });
});

describe('address text', () => {
  it('prints IPv4 and RFC 5952 IPv6', () => {
    expect(ipv4ToString(0xc0a80101 | 0)).toBe('192.168.1.1');
    expect(ipv6ToString(0x20010db8, 0, 0, 1)).toBe('2001:db8::1');
    expect(ipv6ToString(0xfe800000, 0, 0x02000000, 0x00000001)).toBe('fe80::200:0:0:1');
    expect(ipv6ToString(0x20010db8, 0x00000001, 0x00000000, 0x00010000)).toBe('2001:db8:0:1::1:0');
    expect(ipv6ToString(0, 0, 0, 0)).toBe('::');
  });
});

describe('IPv6 text with an embedded IPv4 address, as tshark prints it', () => {
  it('keeps the dotted tail for mapped and compatible addresses', () => {
    expect(ipv6ToString(0, 0, 0xffff, 0xc0000201 | 0)).toBe('::ffff:192.0.2.1');
    expect(ipv6ToString(0, 0, 0, 0xc0000201 | 0)).toBe('::192.0.2.1');
    expect(ipv6ToString(0, 0, 0, 1)).toBe('::1');
  });

  it('reuses a released object only for a flow of its class (TCP or not)', () => {
    let made = 0;
    const t = new FlowTable((tcp) => (made++, new FlowState(tcp)), 16);
    const tcp = t.insert(1, true);
    t.remove(tcp);
    t.release(tcp);
    const udp = t.insert(2, false);
    expect(udp).not.toBe(tcp);
    expect(udp.tcpClass).toBe(false);
    expect(t.insert(3, true)).toBe(tcp);
    expect(made).toBe(2);
  });
});
