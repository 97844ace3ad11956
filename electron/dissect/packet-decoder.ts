import type { PacketRecord } from '../capture/packet-record';
import { DecodedPacket } from './decoded-packet';
import { linkTypes } from './dispatch';
import './protocols';

/** Decodes a record into the reused DecodedPacket through the link-type table. */
export function decodePacket(rec: PacketRecord, p: DecodedPacket): void {
  p.reset(rec.linkType);
  const decoder = linkTypes[rec.linkType];
  if (!decoder) {
    p.skipReason = `unsupported link type ${rec.linkType}`;
    return;
  }
  p.wireEnd = rec.offset + (rec.wirelen > rec.caplen ? rec.wirelen : rec.caplen);
  decoder(rec.data, rec.offset, rec.offset + rec.caplen, p);
}

export { DecodedPacket };
