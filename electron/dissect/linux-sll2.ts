import type { DecodedPacket } from './decoded-packet';
import { registerLinkType } from './dispatch';
import { dispatchSllProtocol } from './linux-sll';

/** LINKTYPE_LINUX_SLL2: the cooked header of libpcap 1.10, with the interface index. */
export const DLT_LINUX_SLL2 = 276;
const SLL2_HEADER = 20;

/** Protocol, reserved, interface index, ARPHRD type, packet type, address length, 8 address bytes. */
function decodeSll2(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < SLL2_HEADER) {
    p.truncated = true;
    p.skipReason = 'truncated Linux cooked header';
    return;
  }
  dispatchSllProtocol((d[off + 8] << 8) | d[off + 9], (d[off] << 8) | d[off + 1], d, off + SLL2_HEADER, end, p);
}

registerLinkType(DLT_LINUX_SLL2, decodeSll2);
