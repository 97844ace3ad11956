import { memoDigest } from './digest-memo';
import { EXT_ALPN, EXT_SERVER_NAME, type ClientHello } from '../app/tls';
import { isGrease } from '../app/tls-grease';

/**
 * JA4, the TLS client fingerprint (FoxIO, BSD-3-Clause), written from the
 * specification (FoxIO-LLC/ja4, technical_details/JA4.md):
 *
 *   a = transport (t TCP, q QUIC, d DTLS) + version (2 chars) + SNI (d/i)
 *       + cipher count + extension count (2 digits each, capped at 99)
 *       + first and last character of the first ALPN value
 *   b = first 12 hex of SHA-256 over the sorted cipher list
 *   c = first 12 hex of SHA-256 over the sorted extensions (SNI and ALPN left
 *       out) + '_' + the signature algorithms in their original order
 *
 * GREASE values are ignored everywhere. Only JA4 itself lives here: JA4S, JA4H,
 * JA4X and the other JA4+ methods are under a different licence.
 */
export type Ja4Transport = 't' | 'q' | 'd';

const EMPTY_HASH = '000000000000';

export function ja4(ch: ClientHello, transport: Ja4Transport): string {
  const ciphers = hex4List(ch.cipherSuites);
  const extensions = hex4List(ch.extensions);
  const a =
    transport +
    versionCode(ch) +
    (ch.sni !== null ? 'd' : 'i') +
    count(ciphers.length) +
    count(extensions.length) +
    alpnCode(ch.alpn.length > 0 ? ch.alpn[0] : '');
  const b = ciphers.length === 0 ? EMPTY_HASH : sha256_12(ciphers.sort().join(','));
  const hashed = extensions.filter((e) => e !== hex4(EXT_SERVER_NAME) && e !== hex4(EXT_ALPN)).sort();
  const sigs = hex4List(ch.signatureAlgorithms);
  // "If there are no extensions in the sorted extensions list, then the value of JA4_c is set to 000000000000."
  const c = hashed.length === 0 ? EMPTY_HASH : sha256_12(sigs.length > 0 ? `${hashed.join(',')}_${sigs.join(',')}` : hashed.join(','));
  return `${a}_${b}_${c}`;
}

/** The highest supported_versions entry when the extension is there, else the legacy version. */
function versionCode(ch: ClientHello): string {
  let v = -1;
  for (const x of ch.supportedVersions) if (!isGrease(x) && x > v) v = x;
  if (v < 0) v = ch.legacyVersion;
  switch (v) {
    case 0x0304: return '13';
    case 0x0303: return '12';
    case 0x0302: return '11';
    case 0x0301: return '10';
    case 0x0300: return 's3';
    case 0x0002: return 's2';
    case 0xfeff: return 'd1';
    case 0xfefd: return 'd2';
    case 0xfefc: return 'd3';
    default: return '00';
  }
}

function count(n: number): string {
  return n > 99 ? '99' : n < 10 ? `0${n}` : `${n}`;
}

/**
 * First and last character of the first ALPN value; '00' when there is none or
 * it is empty. If either end is not ASCII alphanumeric, the first and last
 * characters of the value's hex form are used instead.
 */
export function alpnCode(value: string): string {
  if (value.length === 0) return '00';
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (isAlnum(first) && isAlnum(last)) return value[0] + value[value.length - 1];
  const hexFirst = (first & 0xff).toString(16).padStart(2, '0');
  const hexLast = (last & 0xff).toString(16).padStart(2, '0');
  return hexFirst[0] + hexLast[1];
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

// Hellos repeat a small set of cipher, extension and algorithm codes; each code's
// text is made once (at most 65,536 of them, so the memo is bounded by the domain).
const hex4Texts = new Map<number, string>();

function hex4(v: number): string {
  let text = hex4Texts.get(v);
  if (text === undefined) {
    text = v.toString(16).padStart(4, '0');
    hex4Texts.set(v, text);
  }
  return text;
}

function hex4List(values: readonly number[]): string[] {
  const out: string[] = [];
  for (const v of values) if (!isGrease(v)) out.push(hex4(v));
  return out;
}

const sha256 = memoDigest('sha256');

function sha256_12(text: string): string {
  return sha256(text).slice(0, 12);
}
