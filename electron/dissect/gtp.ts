import type { DecodedPacket } from './decoded-packet';
import { registerUdpPort } from './dispatch';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';

/** GTP-U, the user plane of GPRS/UMTS/LTE/5G (3GPP TS 29.281). */
export const GTP_U_PORT = 2152;
const G_PDU = 0xff;
/** Extension headers are bounded; each takes at least 4 bytes anyway. */
const MAX_EXTENSIONS = 16;

/**
 * GTPv1-U (TS 29.281 §5.1): flags (version 1, protocol type 1, E/S/PN), message
 * type, length of what follows the first 8 bytes, TEID; with any of E, S or PN
 * set, a sequence number, an N-PDU number and the first extension header type;
 * extension headers (§5.2) are a length in 4-byte units, content and the next
 * type in their last byte. A G-PDU carries the user's IP packet, which is the
 * flow; signalling (echo, error indication, end marker) stays a UDP flow.
 */
function decodeGtpU(d: Uint8Array, off: number, end: number, p: DecodedPacket): boolean {
  if (end - off < 8) return false;
  const flags = d[off];
  if (flags >> 5 !== 1 || (flags & 0x10) === 0 || d[off + 1] !== G_PDU) return false;
  const pduEnd = off + 8 + ((d[off + 2] << 8) | d[off + 3]);
  const limit = pduEnd < end ? pduEnd : end;
  let o = off + 8;
  if (flags & 0x07) {
    if (limit - o < 4) return false;
    let next = d[o + 3];
    o += 4;
    for (let i = 0; next !== 0; i++) {
      if (i === MAX_EXTENSIONS || limit - o < 4) return false;
      const len = d[o] * 4;
      if (len === 0 || o + len > limit) return false;
      next = d[o + len - 1];
      o += len;
    }
  }
  if (o >= limit) return false;
  const version = d[o] >> 4;
  if (version !== 4 && version !== 6) return false;
  p.resetForInner('gtp');
  if (version === 4) decodeIpv4(d, o, limit, p);
  else decodeIpv6(d, o, limit, p);
  return true;
}

registerUdpPort(GTP_U_PORT, decodeGtpU);
