import type { DecodedPacket } from './decoded-packet';
import { dispatchEtherType, registerEtherType } from './dispatch';

/** IEEE 802.1AE MAC security. */
export const ETHERTYPE_MACSEC = 0x88e5;
const TCI_SC = 0x20;
const TCI_E = 0x08;
const TCI_C = 0x04;
/** The default cipher suites' integrity check value. */
const ICV_LENGTH = 16;

/**
 * The SecTAG (IEEE 802.1AE-2018 §9.3): TCI/AN, short length, packet number,
 * and the 8-byte SCI when SC is set. Without E and C the user data is in the
 * clear (integrity only): its EtherType and payload follow, then the ICV. The
 * short length, when not 0, is the user data's length (frames under 64
 * bytes); otherwise the ICV is the last 16 bytes. Encrypted or modified data
 * carries no readable IP.
 */
function decodeMacsec(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 6) {
    p.truncated = true;
    p.skipReason = 'truncated MACsec header';
    return;
  }
  const tci = d[off];
  const shortLength = d[off + 1] & 0x3f;
  const o = off + 6 + (tci & TCI_SC ? 8 : 0);
  if (tci & (TCI_E | TCI_C)) {
    p.skipReason = 'encrypted MACsec frame';
    return;
  }
  const dataEnd = shortLength !== 0 ? o + shortLength : p.wireEnd - ICV_LENGTH;
  if (end - o < 2 || dataEnd < o + 2) {
    p.truncated = true;
    p.skipReason = 'truncated MACsec header';
    return;
  }
  if (dataEnd < p.wireEnd) p.wireEnd = dataEnd;
  dispatchEtherType((d[o] << 8) | d[o + 1], d, o + 2, dataEnd < end ? dataEnd : end, p);
}

registerEtherType(ETHERTYPE_MACSEC, decodeMacsec);
