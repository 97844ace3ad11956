import { describe, expect, it } from 'vitest';
import { ipv6Text } from '../../../shared/net/address-text';
import { parseDns, parseDnsTcp } from '../../../electron/dissect/app/dns';
import { readDnsName } from '../../../electron/dissect/app/dns-name';
import { fromHex, fromTcpdumpX } from '../../support/hex-dump';

// IPv4 (20) + UDP (8) headers precede the DNS message in these dumps.
const UDP_PAYLOAD = 28;

// tcpdump -n -X -r corpus/robustness/tcpdump/dns_udp.pcap, packet 2:
// 209.87.249.18.53 > 192.168.1.11.43966: 22836*- 2/2/5 A 192.139.46.66, A 198.199.88.104 (224)
const RESPONSE = fromTcpdumpX(`
	0x0000:  4500 00fc 002d 0000 8011 ada6 d157 f912  E....-.......W..
	0x0010:  c0a8 010b 0035 abbe 00e8 c454 5934 8500  .....5.....TY4..
	0x0020:  0001 0002 0002 0005 0377 7777 0774 6370  .........www.tcp
	0x0030:  6475 6d70 036f 7267 0000 0100 01c0 0c00  dump.org........
	0x0040:  0100 0100 0000 3c00 04c0 8b2e 42c0 0c00  ......<.....B...
	0x0050:  0100 0100 0000 3c00 04c6 c758 68c0 1000  ......<....Xh...
	0x0060:  0200 0100 0151 8000 1203 736e 7308 636f  .....Q....sns.co
	0x0070:  6f70 6572 6978 036e 6574 00c0 1000 0200  operix.net......
	0x0080:  0100 0151 8000 1203 6e69 6309 7361 6e64  ...Q....nic.sand
	0x0090:  656c 6d61 6e02 6361 00c0 6b00 0100 0100  elman.ca..k.....
	0x00a0:  0001 2c00 04d1 57f9 12c0 6b00 1c00 0100  ..,...W...k.....
	0x00b0:  0001 2c00 1026 07f0 b000 0f00 0000 0000  ..,..&..........
	0x00c0:  00ba bef0 0dc0 4d00 0100 0100 001c 2000  ......M.........
	0x00d0:  0461 6b85 0fc0 4d00 1c00 0100 001c 2000  .ak...M.........
	0x00e0:  1026 003c 0300 0000 00f0 3c91 fffe 96e8  .&.<......<.....
	0x00f0:  ef00 0029 1000 0000 0000 0000            ...)........`);

// Packet 1 of the same capture: the query, with an EDNS OPT record.
const QUERY = fromTcpdumpX(`
	0x0000:  4500 0054 59cd 0000 4011 94ae c0a8 010b  E..TY...@.......
	0x0010:  d157 f912 abbe 0035 0040 7824 5934 0120  .W.....5.@x$Y4..
	0x0020:  0001 0000 0000 0001 0377 7777 0774 6370  .........www.tcp
	0x0030:  6475 6d70 036f 7267 0000 0100 0100 0029  dump.org.......)
	0x0040:  1000 0000 0000 000c 000a 0008 42f5 d009  ............B...
	0x0050:  96f9 0b13                                ....`);

describe('DNS messages', () => {
  it('reads a query: id, flags, question', () => {
    const m = parseDns(QUERY, UDP_PAYLOAD, QUERY.length - UDP_PAYLOAD)!;
    expect(m).toMatchObject({ id: 22836, isResponse: false, opcode: 0, rcode: 0, truncated: false });
    expect(m.questions).toEqual([{ name: 'www.tcpdump.org', qtype: 1 }]);
    expect(m.answers).toEqual([]);
    expect(m.additional.map((r) => [r.name, r.type])).toEqual([['<Root>', 41]]);
  });

  it('reads a response with compressed names in all three sections (tshark shows the same records)', () => {
    const m = parseDns(RESPONSE, UDP_PAYLOAD, RESPONSE.length - UDP_PAYLOAD)!;
    expect(m).toMatchObject({ id: 22836, isResponse: true, rcode: 0, truncated: false });
    expect(m.answers).toEqual([
      { name: 'www.tcpdump.org', type: 1, ttl: 60, address: '192.139.46.66', target: null },
      { name: 'www.tcpdump.org', type: 1, ttl: 60, address: '198.199.88.104', target: null },
    ]);
    expect(m.authority.map((r) => [r.name, r.type, r.ttl])).toEqual([['tcpdump.org', 2, 86400], ['tcpdump.org', 2, 86400]]);
    expect(m.additional.map((r) => [r.name, r.address])).toEqual([
      ['nic.sandelman.ca', '209.87.249.18'],
      ['nic.sandelman.ca', '2607:f0b0:f::babe:f00d'],
      ['sns.cooperix.net', '97.107.133.15'],
      ['sns.cooperix.net', '2600:3c03::f03c:91ff:fe96:e8ef'],
      ['<Root>', null],
    ]);
  });

  it('keeps what was read when the message is cut, and refuses what is not a header', () => {
    // 60 bytes: header (12), question (21), first answer (16), half of the second.
    const cut = parseDns(RESPONSE, UDP_PAYLOAD, 60)!;
    expect(cut.truncated).toBe(true);
    expect(cut.questions).toEqual([{ name: 'www.tcpdump.org', qtype: 1 }]);
    expect(cut.answers.map((a) => a.address)).toEqual(['192.139.46.66']);
    expect(parseDns(RESPONSE, UDP_PAYLOAD, 11)).toBeNull();
  });

  it('reads DNS over TCP behind its 2-byte length (RFC 7766)', () => {
    const msg = RESPONSE.subarray(UDP_PAYLOAD);
    const framed = new Uint8Array(msg.length + 2);
    framed[0] = msg.length >> 8;
    framed[1] = msg.length & 0xff;
    framed.set(msg, 2);
    expect(parseDnsTcp(framed, 0, framed.length)!.answers).toHaveLength(2);
    const partial = parseDnsTcp(framed, 0, 60)!;
    expect(partial.truncated).toBe(true);
    expect(partial.questions[0].name).toBe('www.tcpdump.org');
  });

  it('reads CNAME targets and survives a question whose name loops', () => {
    // id 1, response, 2 questions (the 2nd, at offset 31, points at itself), 1 CNAME answer pointing back to the 1st.
    const m = parseDns(
      fromHex(`0001 8180 0002 0001 0000 0000
        01 61 07 6578616d706c65 03 636f6d 00  0001 0001
        c0 1f 0001 0001
        c0 0c 0005 0001 0000 0e10 0006 03 777777 c0 0c`),
      0,
      64,
    )!;
    expect(m.questions).toEqual([{ name: 'a.example.com', qtype: 1 }]);
    expect(m.answers).toEqual([{ name: 'a.example.com', type: 5, ttl: 3600, address: null, target: 'www.a.example.com' }]);
    expect(m.truncated).toBe(false);
  });

  it('formats names as Wireshark does: UTF-8, octal escapes, <Root>', () => {
    const out = { name: '', next: -1 };
    // LLMNR name 小佛專機 (corpus apps/ndpi/pcap/1kxun.pcap), a control byte, a 255+ octet name.
    expect(readDnsName(fromHex('0c e5b08f e4bd9b e5b088 e6a99f 00'), 0, 14, 0, out)).toBe(true);
    expect(out).toEqual({ name: '小佛專機', next: 14 });
    expect(readDnsName(fromHex('03 61 12 62 00'), 0, 5, 0, out)).toBe(true);
    expect(out.name).toBe('a\\022b');
    expect(readDnsName(fromHex('00'), 0, 1, 0, out)).toBe(true);
    expect(out.name).toBe('<Root>');
    const long = new Uint8Array(5 * 64 + 1);
    for (let i = 0; i < 5; i++) long[i * 64] = 63;
    expect(readDnsName(long, 0, long.length, 0, out)).toBe(false);
    expect(out.next).toBe(long.length); // too long, yet its end is known
  });

  it('never throws on random or self-referencing input', () => {
    let seed = 1;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (let n = 0; n < 2000; n++) {
      const b = Uint8Array.from({ length: 12 + (n % 200) }, rnd);
      b[4] = 0;
      b[5] = 3; // a few questions
      expect(() => parseDns(b, 0, b.length)).not.toThrow();
      expect(() => parseDnsTcp(b, 0, b.length)).not.toThrow();
    }
    // Every name is a pointer to itself.
    const loop = fromHex('0000 8180 0001 0001 0000 0000 c00c 0001 0001 c00c 0001 0001 00000000 0004 01020304');
    expect(parseDns(loop, 0, loop.length)).toMatchObject({ questions: [], answers: [], truncated: false });
  });
});

describe('IPv6 text', () => {
  it('follows RFC 5952 and inet_ntop', () => {
    const v6 = (h: string) => ipv6Text(fromHex(h), 0);
    expect(v6('20010db8000000000000000000000001')).toBe('2001:db8::1');
    // The longest zero run is compressed; of two equal runs, the first (RFC 5952 §4.2.3).
    expect(v6('20010db8000000010000000000000001')).toBe('2001:db8:0:1::1');
    expect(v6('20010db8000000000001000000000001')).toBe('2001:db8::1:0:0:1');
    expect(v6('00000000000000000000000000000000')).toBe('::');
    expect(v6('00000000000000000000000000000001')).toBe('::1');
    expect(v6('00000000000000000000ffffc0a80001')).toBe('::ffff:192.168.0.1');
    expect(v6('fe800000000000000000000000000000')).toBe('fe80::');
  });
});
