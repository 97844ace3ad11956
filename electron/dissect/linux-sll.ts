import type { DecodedPacket } from './decoded-packet';
import { dispatchEtherType, registerLinkType } from './dispatch';
import { decodeLlc } from './llc';
import { decodePppHdlc } from './ppp';

/** LINKTYPE_LINUX_SLL: Linux "cooked" capture (tcpdump -i any). */
export const DLT_LINUX_SLL = 113;
const SLL_HEADER = 16;
const ARPHRD_NETLINK = 824;
/** Protocol values below 0x0600 are not EtherTypes (linux/if_ether.h ETH_P_*). */
const SLL_P_802_2 = 0x0004;
const SLL_P_PPPHDLC = 0x0007;

/**
 * What follows a cooked header, shared by SLL and SLL2: an EtherType, or one of
 * Linux's pseudo protocols (802.2 LLC, PPP in HDLC framing). Netlink frames reuse the field for the netlink
 * family, so they are never taken for an EtherType.
 */
export function dispatchSllProtocol(hatype: number, proto: number, d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (hatype === ARPHRD_NETLINK) p.skipReason = 'netlink message';
  else if (proto >= 0x0600) dispatchEtherType(proto, d, off, end, p);
  else if (proto === SLL_P_802_2) decodeLlc(d, off, end, p);
  else if (proto === SLL_P_PPPHDLC) decodePppHdlc(d, off, end, p);
  else p.skipReason = 'non-IP frame';
}

/** Packet type, ARPHRD type, address length, 8 address bytes, protocol (all big-endian). */
function decodeSll(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < SLL_HEADER) {
    p.truncated = true;
    p.skipReason = 'truncated Linux cooked header';
    return;
  }
  dispatchSllProtocol((d[off + 2] << 8) | d[off + 3], (d[off + 14] << 8) | d[off + 15], d, off + SLL_HEADER, end, p);
}

registerLinkType(DLT_LINUX_SLL, decodeSll);
