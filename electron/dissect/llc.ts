import type { DecodedPacket } from './decoded-packet';
import { dispatchEtherType } from './dispatch';
import { decodeIpv4 } from './ipv4';

const SAP_SNAP = 0xaa;
/** SAP 0x06: IPv4 straight over LLC (RFC 1042 lists it; Wireshark decodes it). */
const SAP_IP = 0x06;
const UI = 0x03;

/**
 * IEEE 802.2 LLC (as 802.3, 802.11, FDDI and Linux cooked captures carry it):
 * DSAP, SSAP and control (one byte for U frames, two for I and S frames). SNAP
 * (RFC 1042) adds an OUI and a protocol id: with OUI 00-00-00 (RFC 1042) or
 * 00-00-f8 (802.1H bridge tunnel) the protocol id is an EtherType.
 */
export function decodeLlc(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 3) {
    p.truncated = true;
    p.skipReason = 'truncated LLC header';
    return;
  }
  const dsap = d[off];
  const ssap = d[off + 1];
  const control = d[off + 2];
  if (dsap === SAP_SNAP && ssap === SAP_SNAP && control === UI) {
    if (end - off < 8) {
      p.truncated = true;
      p.skipReason = 'truncated SNAP header';
      return;
    }
    const oui = (d[off + 3] << 16) | (d[off + 4] << 8) | d[off + 5];
    if (oui === 0x000000 || oui === 0x0000f8) dispatchEtherType((d[off + 6] << 8) | d[off + 7], d, off + 8, end, p);
    else p.skipReason = 'non-IP frame';
    return;
  }
  if (dsap === SAP_IP && ssap === SAP_IP) {
    decodeIpv4(d, off + ((control & 0x03) === 0x03 ? 3 : 4), end, p);
    return;
  }
  p.skipReason = 'non-IP frame';
}
