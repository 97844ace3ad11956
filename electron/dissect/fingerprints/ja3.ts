import { memoDigest } from './digest-memo';
import type { ClientHello, ServerHello } from '../app/tls';
import { isGrease } from '../app/tls-grease';

/**
 * JA3 and JA3S (Salesforce, BSD-3-Clause): decimal fields joined by ',' and list
 * entries by '-', then MD5 in lower-case hex. GREASE values (RFC 8701) are left
 * out of every list, as the JA3 README asks.
 *
 *   JA3  = SSLVersion,Ciphers,Extensions,EllipticCurves,EllipticCurvePointFormats
 *   JA3S = SSLVersion,Cipher,Extensions
 */
export interface Ja3 {
  text: string;
  hash: string;
}

export function ja3(ch: ClientHello): Ja3 {
  const text = `${ch.legacyVersion},${join(ch.cipherSuites)},${join(ch.extensions)},${join(ch.supportedGroups)},${ch.ecPointFormats.join('-')}`;
  return { text, hash: md5(text) };
}

export function ja3s(sh: ServerHello): Ja3 {
  const text = `${sh.legacyVersion},${sh.cipherSuite},${join(sh.extensions)}`;
  return { text, hash: md5(text) };
}

function join(values: readonly number[]): string {
  let s = '';
  for (const v of values) {
    if (isGrease(v)) continue;
    s += s === '' ? `${v}` : `-${v}`;
  }
  return s;
}

const md5 = memoDigest('md5');
