import { describe, expect, it } from 'vitest';
import { parseClientHello, parseServerHello } from '../../../electron/dissect/app/tls';
import { isGrease } from '../../../electron/dissect/app/tls-grease';
import { tlsVersionName } from '../../../electron/dissect/app/tls-version';
import { clientHello } from '../../generators/app-payloads';
import { RFC9001_SERVER_HELLO, TLS11_CLIENT_HELLO_PACKET, TLS11_RECORD } from '../../support/tls-fixtures';

describe('ClientHello', () => {
  it('reads a TLS 1.1 ClientHello without SNI (tls1_1.pcap)', () => {
    const d = TLS11_CLIENT_HELLO_PACKET;
    const ch = parseClientHello(d, TLS11_RECORD + 5, d.length - TLS11_RECORD - 5)!;
    expect(ch.legacyVersion).toBe(0x0302);
    expect(ch.cipherSuites).toHaveLength(50);
    expect(ch.cipherSuites.slice(0, 3)).toEqual([0xc014, 0xc00a, 0x0039]);
    expect(ch.cipherSuites.at(-1)).toBe(0x00ff);
    expect(ch.extensions).toEqual([11, 10, 35, 15]);
    expect(ch.ecPointFormats).toEqual([0, 1, 2]);
    expect(ch.supportedGroups).toEqual([23, 25, 28, 27, 24, 26, 22, 14, 13, 11, 12, 9, 10]);
    expect([ch.sni, ch.alpn, ch.supportedVersions, ch.signatureAlgorithms, ch.truncated]).toEqual([null, [], [], [], false]);
  });

  it('reads SNI, ALPN, supported_versions, signature algorithms and GREASE from a browser-like hello', () => {
    const rec = clientHello({ sni: 'example.org', alpn: ['h2', 'http/1.1'], ciphers: [0x1301, 0xc02f], grease: 0x3a3a, random: new Uint8Array(32).fill(7), tls13: true });
    const ch = parseClientHello(rec, 5, rec.length - 5)!;
    expect(ch.sni).toBe('example.org');
    expect(ch.alpn).toEqual(['h2', 'http/1.1']);
    expect(ch.cipherSuites).toEqual([0x3a3a, 0x1301, 0xc02f]);
    expect(ch.extensions).toEqual([0x3a3a, 0, 23, 65281, 10, 11, 16, 13, 43, 51]);
    expect(ch.supportedGroups).toEqual([0x3a3a, 29, 23, 24]);
    expect(ch.supportedVersions).toEqual([0x0304, 0x0303]);
    expect(ch.signatureAlgorithms).toEqual([0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601]);
  });

  it('returns what was read from a cut hello, null for other messages', () => {
    const d = TLS11_CLIENT_HELLO_PACKET;
    const cut = parseClientHello(d, TLS11_RECORD + 5, 60)!;
    expect(cut.truncated).toBe(true);
    expect(cut.cipherSuites.length).toBeLessThan(50);
    expect(parseClientHello(RFC9001_SERVER_HELLO, 0, RFC9001_SERVER_HELLO.length)).toBeNull();
    expect(parseClientHello(d, TLS11_RECORD + 5, 20)).toBeNull();
  });

  it('never throws on random bytes', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (let n = 0; n < 3000; n++) {
      const b = Uint8Array.from({ length: 4 + (n % 300) }, rnd);
      b[0] = 1 + (n & 1);
      expect(() => parseClientHello(b, 0, b.length)).not.toThrow();
      expect(() => parseServerHello(b, 0, b.length)).not.toThrow();
    }
  });
});

describe('ServerHello', () => {
  it('reads the RFC 9001 TLS 1.3 ServerHello: cipher, extensions, selected version', () => {
    expect(parseServerHello(RFC9001_SERVER_HELLO, 0, RFC9001_SERVER_HELLO.length)).toEqual({
      legacyVersion: 0x0303,
      selectedVersion: 0x0304,
      cipherSuite: 0x1301,
      extensions: [51, 43],
      alpn: null,
      truncated: false,
    });
  });
});

describe('TLS constants', () => {
  it('knows GREASE (RFC 8701) and version names', () => {
    expect([0x0a0a, 0x1a1a, 0xfafa].every(isGrease)).toBe(true);
    expect([0x0a1a, 0x1301, 0x0b0b, 0].some(isGrease)).toBe(false);
    expect([0x0301, 0x0303, 0x0304, 0x7f1c, 0xfefd, 0x1234].map(tlsVersionName)).toEqual(['TLS 1.0', 'TLS 1.2', 'TLS 1.3', 'TLS 1.3 (draft 28)', 'DTLS 1.2', '0x1234']);
  });
});
