import { describe, expect, it } from 'vitest';
import type { ClientHello } from '../../../electron/dissect/app/tls';
import { HelloFingerprintMemo, helloHash } from '../../../electron/dissect/fingerprints/hello-fingerprints';
import { ja3 } from '../../../electron/dissect/fingerprints/ja3';
import { ja4, type Ja4Transport } from '../../../electron/dissect/fingerprints/ja4';

function hello(h: Partial<ClientHello>): ClientHello {
  return {
    legacyVersion: 0x0303,
    cipherSuites: [0x1301, 0x1302, 0xc02b],
    extensions: [0x0000, 0x0010, 0x000d, 0x002b, 0x000a],
    supportedVersions: [0x0304, 0x0303],
    supportedGroups: [0x001d, 0x0017],
    ecPointFormats: [0],
    signatureAlgorithms: [0x0403, 0x0804],
    sni: 'a.example',
    alpn: ['h2'],
    truncated: false,
    ...h,
  };
}

// Hellos that differ in exactly one input of JA3 or JA4 each, and one that
// differs only in what neither reads (the SNI name itself).
const variants: [string, ClientHello, Ja4Transport][] = [
  ['base', hello({}), 't'],
  ['other SNI name', hello({ sni: 'b.example' }), 't'],
  ['QUIC', hello({}), 'q'],
  ['no SNI', hello({ sni: null }), 't'],
  ['other ALPN', hello({ alpn: ['http/1.1'] }), 't'],
  ['no ALPN', hello({ alpn: [] }), 't'],
  ['legacy version', hello({ legacyVersion: 0x0301 }), 't'],
  ['cipher order', hello({ cipherSuites: [0x1302, 0x1301, 0xc02b] }), 't'],
  ['one more cipher', hello({ cipherSuites: [0x1301, 0x1302, 0xc02b, 0x002f] }), 't'],
  ['a cipher moved to the extensions', hello({ cipherSuites: [0x1301, 0x1302], extensions: [0xc02b, 0x0000, 0x0010, 0x000d, 0x002b, 0x000a] }), 't'],
  ['versions', hello({ supportedVersions: [0x0303] }), 't'],
  ['groups', hello({ supportedGroups: [0x0017, 0x001d] }), 't'],
  ['point formats', hello({ ecPointFormats: [0, 1] }), 't'],
  ['signature algorithm order', hello({ signatureAlgorithms: [0x0804, 0x0403] }), 't'],
];

describe('HelloFingerprintMemo', () => {
  it('returns what ja3 and ja4 compute, for first sightings and repeats alike', () => {
    const memo = new HelloFingerprintMemo();
    for (let round = 0; round < 2; round++) {
      for (const [what, ch, transport] of variants) {
        expect(memo.fingerprints(ch, transport), `${what}, round ${round}`).toEqual({ ja3: ja3(ch).hash, ja4: ja4(ch, transport) });
      }
    }
  });

  it('tells apart hellos whose hashes collide', () => {
    // Every hello lands in one chain: only the field-by-field check separates them.
    const memo = new HelloFingerprintMemo(() => 7);
    for (let round = 0; round < 2; round++) {
      for (const [what, ch, transport] of variants) {
        expect(memo.fingerprints(ch, transport), `${what}, round ${round}`).toEqual({ ja3: ja3(ch).hash, ja4: ja4(ch, transport) });
      }
    }
  });

  it('hashes every input the fingerprints read, and nothing else', () => {
    const hashes = variants.map(([, ch, transport]) => helloHash(ch, transport));
    expect(hashes[1]).toBe(hashes[0]);
    expect(new Set(hashes.filter((_, i) => i !== 1)).size).toBe(variants.length - 1);
  });

  it('stays correct past its bound on the numbers it keeps (crafted hellos with long lists)', () => {
    const memo = new HelloFingerprintMemo();
    const long = (i: number) => Array.from({ length: 512 }, (_, k) => (k * 7 + i) & 0xffff);
    for (let i = 0; i < 400; i++) {
      const ch = hello({ cipherSuites: long(i), extensions: long(i + 1), supportedGroups: long(i + 2) });
      expect(memo.fingerprints(ch, 't')).toEqual({ ja3: ja3(ch).hash, ja4: ja4(ch, 't') });
      expect(memo.keptValues).toBeLessThanOrEqual(1 << 19);
    }
    const again = hello({ cipherSuites: long(399), extensions: long(400), supportedGroups: long(401) });
    expect(memo.fingerprints(again, 't')).toEqual({ ja3: ja3(again).hash, ja4: ja4(again, 't') });
  });

  it('stays correct past its bound', () => {
    const memo = new HelloFingerprintMemo();
    for (let i = 0; i < 5000; i++) {
      const ch = hello({ cipherSuites: [0x1301, i] });
      expect(memo.fingerprints(ch, 't').ja4).toBe(ja4(ch, 't'));
    }
    const first = hello({ cipherSuites: [0x1301, 0] });
    expect(memo.fingerprints(first, 't')).toEqual({ ja3: ja3(first).hash, ja4: ja4(first, 't') });
  });
});
