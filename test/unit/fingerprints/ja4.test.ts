import { describe, expect, it } from 'vitest';
import { parseClientHello, type ClientHello } from '../../../electron/dissect/app/tls';
import { alpnCode, ja4 } from '../../../electron/dissect/fingerprints/ja4';

// Vectors from the JA4 specification and its published test data (FoxIO-LLC/ja4,
// BSD-3-Clause): technical_details/JA4.md, and python/test/testdata/*.json, whose
// JA4_ro field lists a real hello's ciphers, extensions and signature algorithms
// in their original order (GREASE already removed).
const hex = (list: string) => list.split(',').map((h) => parseInt(h, 16));

const CHROME_CIPHERS = hex('1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035');
const CHROME_SIGALGS = hex('0403,0804,0401,0503,0805,0501,0806,0601');

function hello(h: Partial<ClientHello>): ClientHello {
  return {
    legacyVersion: 0x0303,
    cipherSuites: [],
    extensions: [],
    supportedVersions: [],
    supportedGroups: [],
    ecPointFormats: [],
    signatureAlgorithms: [],
    sni: null,
    alpn: [],
    truncated: false,
    ...h,
  };
}

/** chrome-cloudflare-quic-with-secrets.pcapng.json: JA4 t13d1516h2_8daaf6152771_e5627efa2ab1 (the spec's own example). */
const chrome = hello({
  cipherSuites: CHROME_CIPHERS,
  extensions: hex('0000,0017,ff01,000a,000b,0023,0010,0005,000d,0012,0033,002d,002b,001b,4469,0015'),
  supportedVersions: [0x0304, 0x0303],
  signatureAlgorithms: CHROME_SIGALGS,
  sni: 'cloudflare-quic.com',
  alpn: ['h2', 'http/1.1'],
});

/** Inserts a GREASE value (RFC 8701) at the front of every list, as Chrome does. */
function greased(h: ClientHello, g: number): ClientHello {
  return {
    ...h,
    cipherSuites: [g, ...h.cipherSuites],
    extensions: [g, ...h.extensions, (g + 0x1010) & 0xffff],
    supportedVersions: [g, ...h.supportedVersions],
    signatureAlgorithms: [g, ...h.signatureAlgorithms],
  };
}

describe('JA4 (specification vectors)', () => {
  it('fingerprints the spec example: t13d1516h2_8daaf6152771_e5627efa2ab1', () => {
    expect(ja4(chrome, 't')).toBe('t13d1516h2_8daaf6152771_e5627efa2ab1');
  });

  it('ignores GREASE in ciphers, extensions, versions and signature algorithms', () => {
    expect(ja4(greased(chrome, 0x2a2a), 't')).toBe('t13d1516h2_8daaf6152771_e5627efa2ab1');
  });

  it('fingerprints sigalg-grease.pcapng.json: t13d1517h2_8daaf6152771_cb7bf5808d99', () => {
    const h = hello({
      cipherSuites: CHROME_CIPHERS,
      extensions: hex('fe0d,0010,0017,0033,44cd,ff01,000a,000d,0023,002b,000b,ca34,002d,0000,0005,001b,0012'),
      supportedVersions: [0x0304, 0x0303],
      signatureAlgorithms: hex('0904,0905,0906,0403,0804,0401,0503,0805,0501,0806,0601'),
      sni: 'optimizationguide-pa.googleapis.com',
      alpn: ['h2', 'http/1.1'],
    });
    expect(ja4(greased(h, 0x8a8a), 't')).toBe('t13d1517h2_8daaf6152771_cb7bf5808d99');
  });

  it('hashes the extensions alone when there are no signature algorithms (spec: 6d807ffa2a79)', () => {
    expect(ja4({ ...chrome, signatureAlgorithms: [] }, 't')).toBe('t13d1516h2_8daaf6152771_6d807ffa2a79');
  });

  it('writes 000000000000 for an empty cipher or extension list', () => {
    expect(ja4(hello({ legacyVersion: 0x0301 }), 't')).toBe('t10i000000_000000000000_000000000000');
    // SNI and ALPN are counted but not hashed: with only those, the hashed list is empty.
    expect(ja4(hello({ cipherSuites: [0x002f], extensions: [0, 16], sni: 'x', alpn: ['h2'] }), 't')).toMatch(/^t12d0102h2_[0-9a-f]{12}_000000000000$/);
  });

  it('uses q for QUIC, d/i for SNI, the highest non-GREASE supported version, and caps counts at 99', () => {
    expect(ja4(chrome, 'q')).toBe('q13d1516h2_8daaf6152771_e5627efa2ab1');
    expect(ja4({ ...chrome, sni: null }, 't').slice(0, 4)).toBe('t13i');
    expect(ja4({ ...chrome, supportedVersions: [0x7a7a, 0x0303, 0x0302] }, 't').slice(0, 3)).toBe('t12');
    expect(ja4({ ...chrome, supportedVersions: [], legacyVersion: 0x0300 }, 't').slice(0, 3)).toBe('ts3');
    expect(ja4({ ...chrome, supportedVersions: [], legacyVersion: 0x1234 }, 't').slice(0, 3)).toBe('t00');
    const many = Array.from({ length: 120 }, (_, i) => 0x0100 + i);
    expect(ja4({ ...chrome, cipherSuites: many, extensions: many }, 't').slice(4, 8)).toBe('9999');
  });

  it('reads the ALPN characters as the spec says, hex for non-alphanumeric ends', () => {
    expect(alpnCode('h2')).toBe('h2');
    expect(alpnCode('http/1.1')).toBe('h1');
    expect(alpnCode('h3-29')).toBe('h9');
    expect(alpnCode('x')).toBe('xx');
    expect(alpnCode('')).toBe('00');
    const bytes = (...b: number[]) => String.fromCharCode(...b);
    expect(alpnCode(bytes(0xab))).toBe('ab');
    expect(alpnCode(bytes(0xab, 0xcd))).toBe('ad');
    expect(alpnCode(bytes(0x30, 0xab))).toBe('3b');
    expect(alpnCode(bytes(0x30, 0x31, 0xab, 0xcd))).toBe('3d');
    expect(alpnCode(bytes(0x30, 0xab, 0xcd, 0x31))).toBe('01');
    expect(ja4({ ...chrome, alpn: [] }, 't').slice(8, 10)).toBe('00');
  });

  it('works from the wire: a parsed hello gives the same fingerprint', () => {
    // The chrome vector's hello, serialised with empty extension bodies except those JA4 reads.
    const u16 = (v: number) => [v >> 8, v & 255];
    const ext = (t: number, body: number[]) => [...u16(t), ...u16(body.length), ...body];
    const bodies: Record<number, number[]> = {
      0x0000: [0, 14, 0, 0, 11, ...Buffer.from('example.com')],
      0x0010: [0, 3, 2, ...Buffer.from('h2')],
      0x000d: [...u16(CHROME_SIGALGS.length * 2), ...CHROME_SIGALGS.flatMap(u16)],
      0x002b: [4, 3, 4, 3, 3],
    };
    const exts = chrome.extensions.flatMap((t) => ext(t, bodies[t] ?? []));
    const body = [3, 3, ...new Array(32).fill(1), 0, ...u16(CHROME_CIPHERS.length * 2), ...CHROME_CIPHERS.flatMap(u16), 1, 0, ...u16(exts.length), ...exts];
    const msg = Uint8Array.from([1, 0, body.length >> 8, body.length & 255, ...body]);
    expect(ja4(parseClientHello(msg, 0, msg.length)!, 't')).toBe('t13d1516h2_8daaf6152771_e5627efa2ab1');
  });
});
