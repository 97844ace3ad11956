/**
 * TLS ClientHello and ServerHello bodies (RFC 8446 §4.1.2–4.1.3, RFC 5246
 * §7.4.1) and the extensions that identify the peers: server_name (RFC 6066
 * §3), supported_groups and ec_point_formats (RFC 8422 §5.1), signature_algorithms
 * (RFC 8446 §4.2.3), ALPN (RFC 7301 §3.1), supported_versions (RFC 8446 §4.2.1).
 *
 * Input is one whole handshake message, 4-byte header included, as the record
 * layer (tls-records.ts) or QUIC CRYPTO frames (quic-crypto-stream.ts) deliver it.
 */

export const HANDSHAKE_CLIENT_HELLO = 1;
export const HANDSHAKE_SERVER_HELLO = 2;

export const EXT_SERVER_NAME = 0;
export const EXT_SUPPORTED_GROUPS = 10;
export const EXT_EC_POINT_FORMATS = 11;
export const EXT_SIGNATURE_ALGORITHMS = 13;
export const EXT_ALPN = 16;
export const EXT_SUPPORTED_VERSIONS = 43;

export interface ClientHello {
  legacyVersion: number;
  cipherSuites: number[];
  /** Extension types in the order sent (GREASE included; fingerprints filter it). */
  extensions: number[];
  supportedVersions: number[];
  supportedGroups: number[];
  ecPointFormats: number[];
  signatureAlgorithms: number[];
  /** First host_name of server_name, null when absent. */
  sni: string | null;
  /** ALPN protocol names as sent, each byte one char (latin1), so non-ASCII bytes survive. */
  alpn: string[];
  /** The message or one of its lists ended early: the lists hold what was readable. */
  truncated: boolean;
}

export interface ServerHello {
  legacyVersion: number;
  /** supported_versions' selected version, 0 when absent (TLS ≤ 1.2). */
  selectedVersion: number;
  cipherSuite: number;
  extensions: number[];
  /** The protocol the server chose, null when no ALPN extension. */
  alpn: string | null;
  truncated: boolean;
}

// Bounds for crafted lists (a real hello has far fewer entries).
const MAX_LIST = 512;

/** Parses a ClientHello handshake message; null when it is not one or its fixed part is cut. Never throws. */
export function parseClientHello(d: Uint8Array, off: number, length: number): ClientHello | null {
  const end = messageEnd(d, off, length, HANDSHAKE_CLIENT_HELLO);
  if (end < 0) return null;
  let o = off + 4;
  if (o + 35 > end) return null;
  const ch: ClientHello = {
    legacyVersion: (d[o] << 8) | d[o + 1],
    cipherSuites: [],
    extensions: [],
    supportedVersions: [],
    supportedGroups: [],
    ecPointFormats: [],
    signatureAlgorithms: [],
    sni: null,
    alpn: [],
    truncated: end < off + 4 + declaredLength(d, off),
  };
  o += 34;
  o += 1 + d[o]; // session id
  if (o + 2 > end) return null;
  const cipherLen = (d[o] << 8) | d[o + 1];
  o += 2;
  if (o + cipherLen > end) {
    ch.truncated = true;
    readU16List(d, o, end, ch.cipherSuites);
    return ch;
  }
  readU16List(d, o, o + cipherLen, ch.cipherSuites);
  o += cipherLen;
  if (o >= end) {
    ch.truncated = true;
    return ch;
  }
  o += 1 + d[o]; // compression methods
  // Extensions are optional before TLS 1.3 (RFC 5246 §7.4.1.2).
  if (o + 2 > end) {
    if (o !== end) ch.truncated = true;
    return ch;
  }
  const extEnd = Math.min(o + 2 + ((d[o] << 8) | d[o + 1]), end);
  if (o + 2 + ((d[o] << 8) | d[o + 1]) > end) ch.truncated = true;
  o += 2;
  for (let n = 0; o + 4 <= extEnd && n < MAX_LIST; n++) {
    const type = (d[o] << 8) | d[o + 1];
    const len = (d[o + 2] << 8) | d[o + 3];
    const body = o + 4;
    ch.extensions.push(type);
    if (body + len > extEnd) {
      ch.truncated = true;
      break;
    }
    readClientExtension(d, type, body, body + len, ch);
    o = body + len;
  }
  return ch;
}

function readClientExtension(d: Uint8Array, type: number, o: number, end: number, ch: ClientHello): void {
  switch (type) {
    case EXT_SERVER_NAME: {
      // ServerNameList: u16 length, then (u8 type, u16 length, name) entries; type 0 is host_name.
      let p = o + 2;
      for (let n = 0; p + 3 <= end && n < MAX_LIST; n++) {
        const len = (d[p + 1] << 8) | d[p + 2];
        if (p + 3 + len > end) break;
        if (d[p] === 0 && ch.sni === null) ch.sni = latin1(d, p + 3, len);
        p += 3 + len;
      }
      break;
    }
    case EXT_SUPPORTED_GROUPS:
      readU16List(d, o + 2, Math.min(end, o + 2 + u16(d, o, end)), ch.supportedGroups);
      break;
    case EXT_EC_POINT_FORMATS:
      if (o < end) for (let p = o + 1; p < end && p <= o + d[o]; p++) ch.ecPointFormats.push(d[p]);
      break;
    case EXT_SIGNATURE_ALGORITHMS:
      readU16List(d, o + 2, Math.min(end, o + 2 + u16(d, o, end)), ch.signatureAlgorithms);
      break;
    case EXT_ALPN:
      readAlpnList(d, o + 2, Math.min(end, o + 2 + u16(d, o, end)), ch.alpn);
      break;
    case EXT_SUPPORTED_VERSIONS:
      if (o < end) readU16List(d, o + 1, Math.min(end, o + 1 + d[o]), ch.supportedVersions);
      break;
  }
}

/** Parses a ServerHello handshake message; null when it is not one or its fixed part is cut. Never throws. */
export function parseServerHello(d: Uint8Array, off: number, length: number): ServerHello | null {
  const end = messageEnd(d, off, length, HANDSHAKE_SERVER_HELLO);
  if (end < 0) return null;
  let o = off + 4;
  if (o + 35 > end) return null;
  const legacyVersion = (d[o] << 8) | d[o + 1];
  o += 34;
  o += 1 + d[o]; // session id echo
  if (o + 3 > end) return null;
  const sh: ServerHello = {
    legacyVersion,
    selectedVersion: 0,
    cipherSuite: (d[o] << 8) | d[o + 1],
    extensions: [],
    alpn: null,
    truncated: end < off + 4 + declaredLength(d, off),
  };
  o += 3; // cipher suite, compression method
  if (o + 2 > end) return sh;
  const declared = o + 2 + ((d[o] << 8) | d[o + 1]);
  const extEnd = Math.min(declared, end);
  if (declared > end) sh.truncated = true;
  o += 2;
  for (let n = 0; o + 4 <= extEnd && n < MAX_LIST; n++) {
    const type = (d[o] << 8) | d[o + 1];
    const len = (d[o + 2] << 8) | d[o + 3];
    const body = o + 4;
    sh.extensions.push(type);
    if (body + len > extEnd) {
      sh.truncated = true;
      break;
    }
    if (type === EXT_SUPPORTED_VERSIONS && len >= 2) sh.selectedVersion = (d[body] << 8) | d[body + 1];
    else if (type === EXT_ALPN) {
      const names: string[] = [];
      readAlpnList(d, body + 2, Math.min(body + len, body + 2 + u16(d, body, body + len)), names);
      if (names.length > 0) sh.alpn = names[0];
    }
    o = body + len;
  }
  return sh;
}

/** End of the message's bytes that are present, or -1 when the header is not a `type` message. */
function messageEnd(d: Uint8Array, off: number, length: number, type: number): number {
  const avail = Math.min(off + length, d.length);
  if (avail - off < 4 || d[off] !== type) return -1;
  return Math.min(avail, off + 4 + declaredLength(d, off));
}

function declaredLength(d: Uint8Array, off: number): number {
  return (d[off + 1] << 16) | (d[off + 2] << 8) | d[off + 3];
}

function u16(d: Uint8Array, o: number, end: number): number {
  return o + 2 <= end ? (d[o] << 8) | d[o + 1] : 0;
}

function readU16List(d: Uint8Array, o: number, end: number, out: number[]): void {
  for (let n = 0; o + 2 <= end && n < MAX_LIST; n++, o += 2) out.push((d[o] << 8) | d[o + 1]);
}

/** ProtocolNameList (RFC 7301 §3.1): u8-length names. */
function readAlpnList(d: Uint8Array, o: number, end: number, out: string[]): void {
  for (let n = 0; o < end && n < MAX_LIST; n++) {
    const len = d[o];
    if (o + 1 + len > end) return;
    out.push(latin1(d, o + 1, len));
    o += 1 + len;
  }
}

function latin1(d: Uint8Array, o: number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += String.fromCharCode(d[o + i]);
  return s;
}
