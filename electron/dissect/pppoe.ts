import type { DecodedPacket } from './decoded-packet';
import { registerEtherType, registerLinkType } from './dispatch';
import { decodePppProtocol } from './ppp';

/** PPPoE session stage (RFC 2516 §4); the discovery stage (0x8863) carries no IP. */
export const ETHERTYPE_PPPOE_SESSION = 0x8864;
/** LINKTYPE_PPP_ETHER: frames that start with the PPPoE header. */
export const DLT_PPP_ETHER = 51;
const PPPOE_HEADER = 6;

/**
 * Version/type, code, session id, payload length, then a PPP frame. The length
 * bounds the payload, on the wire too: Ethernet pads short frames, and an IP
 * length beyond it is cut to it (as Wireshark does).
 */
export function decodePppoeSession(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < PPPOE_HEADER) {
    p.truncated = true;
    p.skipReason = 'truncated PPPoE header';
    return;
  }
  p.tunnel = 'pppoe';
  const payloadEnd = off + PPPOE_HEADER + ((d[off + 4] << 8) | d[off + 5]);
  if (payloadEnd < p.wireEnd) p.wireEnd = payloadEnd;
  decodePppProtocol(d, off + PPPOE_HEADER, payloadEnd < end ? payloadEnd : end, p);
}

registerEtherType(ETHERTYPE_PPPOE_SESSION, decodePppoeSession);
registerLinkType(DLT_PPP_ETHER, decodePppoeSession);
