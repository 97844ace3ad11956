import type { PacketRecord } from '../../capture/packet-record';
import type { DecodedPacket } from '../../dissect/decoded-packet';
import type { FlowFeature } from '../flow-feature';
import { columnOf } from '../flow-row';
import type { FlowState } from '../flow-state';

interface SequenceState {
  /** Sizes at [0, n), IATs at [n, 2n): one array per flow, not two. */
  values: Int32Array;
  n: number;
  lastTs: number;
}

const SIZES = columnOf('first_sizes');
const IATS = columnOf('first_iats');

/**
 * The first N packets of a flow (signed frame lengths: negative from the
 * destination; inter-arrival times), the input of sequence-based app and
 * activity classifiers. Only the first N packets are touched.
 */
export function packetSequence(n: number): FlowFeature<SequenceState> {
  return {
    name: 'packet-sequence',
    create: () => ({ values: new Int32Array(2 * n), n: 0, lastTs: 0 }),
    init(s, _f: FlowState, _p: DecodedPacket, _rec: PacketRecord, ts) {
      s.n = 0;
      s.lastTs = ts;
    },
    update(s, _f, _p, rec, ts, fwd) {
      if (s.n >= n) return;
      s.values[s.n] = fwd ? rec.wirelen : -rec.wirelen;
      // Whole microseconds: what capture timestamps usually resolve, and cheap to print.
      s.values[n + s.n] = Math.round((ts - s.lastTs) * 1e6);
      s.lastTs = ts;
      s.n++;
    },
    emit(s, _f, row) {
      let sizes = '';
      let iats = '';
      const v = s.values;
      for (let i = 0; i < s.n; i++) {
        sizes += i ? `,${v[i]}` : `${v[i]}`;
        iats += i ? `,${v[n + i]}` : `${v[n + i]}`;
      }
      row[SIZES] = sizes;
      row[IATS] = iats;
    },
  };
}
