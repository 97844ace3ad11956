import type { PacketRecord } from '../../capture/packet-record';
import type { DecodedPacket } from '../../dissect/decoded-packet';
import type { FlowFeature } from '../flow-feature';
import { columnOf, type RowWriter } from '../flow-row';
import type { FlowState } from '../flow-state';

interface LinkState {
  srcMac: string | null;
  dstMac: string | null;
  tunnel: string;
  /** Set once the first forward packet's MACs are known. */
  done: boolean;
}

const SRC_MAC = columnOf('src_mac');
const DST_MAC = columnOf('dst_mac');
const TUNNEL = columnOf('tunnel');

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

// A capture's flows share few MACs (hosts and their gateways): each address's
// text is made once and shared, not once per flow (which was the engine's
// largest allocation after DNS parsing, kept alive for each flow's lifetime).
// Bounded, so a flood of forged MACs cannot grow it.
const MAC_TEXTS_MAX = 4096;
const macTexts = new Map<number, string>();

function mac(d: Uint8Array, o: number): string {
  // 48 bits fit a double exactly.
  const key = (d[o] * 0x10000 + d[o + 1] * 0x100 + d[o + 2]) * 0x1000000 + d[o + 3] * 0x10000 + d[o + 4] * 0x100 + d[o + 5];
  let text = macTexts.get(key);
  if (text === undefined) {
    if (macTexts.size >= MAC_TEXTS_MAX) macTexts.clear();
    text = `${HEX[d[o]]}:${HEX[d[o + 1]]}:${HEX[d[o + 2]]}:${HEX[d[o + 3]]}:${HEX[d[o + 4]]}:${HEX[d[o + 5]]}`;
    macTexts.set(key, text);
  }
  return text;
}

/** Link-layer identity of the flow's source: the MACs of its first forward packet, and the tunnel it came through. */
export const linkEndpoints: FlowFeature<LinkState> = {
  name: 'link-endpoints',
  create: () => ({ srcMac: null, dstMac: null, tunnel: '', done: false }),
  init(s, _f: FlowState, p: DecodedPacket) {
    s.srcMac = s.dstMac = null;
    s.tunnel = p.tunnel;
    s.done = false;
  },
  update(s, _f, p: DecodedPacket, rec: PacketRecord, _ts, fwd) {
    if (s.done || !fwd) return;
    s.done = true;
    if (p.macOffset < 0) return;
    // Ethernet: destination first, then source.
    s.dstMac = mac(rec.data, p.macOffset);
    s.srcMac = mac(rec.data, p.macOffset + 6);
  },
  emit(s, _f, row: RowWriter) {
    row[SRC_MAC] = s.srcMac;
    row[DST_MAC] = s.dstMac;
    row[TUNNEL] = s.tunnel;
  },
};
