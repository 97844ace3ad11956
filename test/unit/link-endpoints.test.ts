import { describe, expect, it } from 'vitest';
import { PacketRecord } from '../../electron/capture/packet-record';
import { DecodedPacket } from '../../electron/dissect/decoded-packet';
import { linkEndpoints } from '../../electron/flows/features/link-endpoints';
import { columnOf, newRow } from '../../electron/flows/flow-row';
import { FlowState } from '../../electron/flows/flow-state';

/** The src_mac and dst_mac a flow gets when its first forward packet carries these Ethernet addresses. */
function macsOf(dst: number[], src: number[]): [unknown, unknown] {
  const rec = new PacketRecord();
  rec.data = new Uint8Array([0xaa, 0xbb, ...dst, ...src, 0x08, 0x00]);
  rec.offset = 0;
  rec.caplen = rec.wirelen = rec.data.length;
  const p = new DecodedPacket();
  p.macOffset = 2;
  const f = new FlowState(false);
  const s = linkEndpoints.create(false);
  linkEndpoints.init(s, f, p, rec, 0);
  linkEndpoints.update!(s, f, p, rec, 0, true);
  const row = newRow();
  linkEndpoints.emit(s, f, row);
  return [row[columnOf('src_mac')], row[columnOf('dst_mac')]];
}

const text = (b: number[]) => b.map((x) => x.toString(16).padStart(2, '0')).join(':');

describe('link endpoints', () => {
  it('give each flow the MACs of its first forward packet, for every byte value', () => {
    expect(macsOf([0xff, 0xff, 0xff, 0xff, 0xff, 0xff], [0x00, 0x1b, 0x21, 0x3c, 0x9d, 0xf8])).toEqual(['00:1b:21:3c:9d:f8', 'ff:ff:ff:ff:ff:ff']);
    expect(macsOf([0, 0, 0, 0, 0, 0], [0x80, 0, 0, 0, 0, 1])).toEqual(['80:00:00:00:00:01', '00:00:00:00:00:00']);
  });

  it('stay exact past the shared-text bound (thousands of distinct MACs, as in a forged-MAC flood)', () => {
    for (let i = 0; i < 10_000; i++) {
      const src = [0x02, (i * 7) & 0xff, i >> 8, i & 0xff, (i * 13) & 0xff, 0xfe];
      const dst = [0xf0, 0x0d, i & 0xff, i >> 8, 0x01, (i * 31) & 0xff];
      expect(macsOf(dst, src)).toEqual([text(src), text(dst)]);
    }
  });
});
