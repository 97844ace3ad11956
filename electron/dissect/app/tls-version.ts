/** Display names of TLS/SSL/DTLS protocol versions (RFC 8446 §4.2.1, RFC 9147 §5.3). */
export function tlsVersionName(v: number): string {
  switch (v) {
    case 0x0002: return 'SSL 2.0';
    case 0x0300: return 'SSL 3.0';
    case 0x0301: return 'TLS 1.0';
    case 0x0302: return 'TLS 1.1';
    case 0x0303: return 'TLS 1.2';
    case 0x0304: return 'TLS 1.3';
    case 0xfeff: return 'DTLS 1.0';
    case 0xfefd: return 'DTLS 1.2';
    case 0xfefc: return 'DTLS 1.3';
  }
  // TLS 1.3 drafts announced themselves as 0x7fNN (draft-ietf-tls-tls13 §4.2.1).
  if ((v & 0xff00) === 0x7f00) return `TLS 1.3 (draft ${v & 0xff})`;
  return `0x${v.toString(16).padStart(4, '0')}`;
}
