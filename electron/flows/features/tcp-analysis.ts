import type { PacketRecord } from '../../capture/packet-record';
import type { DecodedPacket } from '../../dissect/decoded-packet';
import { IPPROTO_TCP, TCP_RST } from '../../dissect/tcp';
import type { FlowFeature } from '../flow-feature';
import { columnOf, type RowWriter } from '../flow-row';
import type { FlowState } from '../flow-state';
import { TcpAnalyzer, TcpSegment } from '../tcp-analysis';
import { ANY_RETRANSMISSION, TcpFlag } from '../tcp-analysis-flags';
import { tcpSegmentOf } from '../tcp-segment-of';

type Counter =
  | 'retransmissions' | 'fast_retransmissions' | 'spurious_retransmissions' | 'out_of_order' | 'dup_acks'
  | 'zero_windows' | 'window_full' | 'keep_alives' | 'lost_segments' | 'resets';

/** The counted outcomes: [column, TcpFlag bits that count it]. RST is a header flag, counted apart. */
const COUNTERS: readonly (readonly [Counter, number])[] = [
  ['retransmissions', ANY_RETRANSMISSION],
  ['fast_retransmissions', TcpFlag.FastRetransmission],
  ['spurious_retransmissions', TcpFlag.SpuriousRetransmission],
  ['out_of_order', TcpFlag.OutOfOrder],
  ['dup_acks', TcpFlag.DuplicateAck],
  ['zero_windows', TcpFlag.ZeroWindow],
  ['window_full', TcpFlag.WindowFull],
  ['keep_alives', TcpFlag.KeepAlive],
  ['lost_segments', TcpFlag.LostSegment],
];
const RESETS = COUNTERS.length;
const N = COUNTERS.length + 1;
const NAMES: Counter[] = [...COUNTERS.map(([name]) => name), 'resets'];
const TOTAL_COL = NAMES.map((n) => columnOf(n));
const FWD_COL = NAMES.map((n) => columnOf(`fwd_${n}`));
const BWD_COL = NAMES.map((n) => columnOf(`bwd_${n}`));

interface TcpAnalysisState {
  analyzer: TcpAnalyzer;
  /** Counts from the source at [0, N), from the destination at [N, 2N). */
  counts: Uint32Array;
}

/** Receives every analyzed segment: the record's 0-based index in its file and its TcpFlag bits. */
export type TcpAnalysisTap = (recordIndex: number, flags: number) => void;

/** One reused segment for every packet: the engine is single-threaded per instance. */
const segment = new TcpSegment();

/**
 * TCP analysis with Wireshark's definitions: per flow, the number of segments
 * that tshark would flag as retransmissions, duplicate ACKs and so on, per
 * direction and in total. Non-TCP flows get NULL. `tap` (tests) sees each
 * segment's flags.
 */
export function createTcpAnalysisFeature(tap?: TcpAnalysisTap): FlowFeature<TcpAnalysisState | null> {
  return {
    name: 'tcp-analysis',
    create: (tcp) => (tcp ? { analyzer: new TcpAnalyzer(), counts: new Uint32Array(2 * N) } : null),
    init(s) {
      if (s === null) return;
      s.analyzer.reset();
      s.counts.fill(0);
    },
    update(s, _f: FlowState, p: DecodedPacket, rec: PacketRecord, _ts, fwd) {
      if (s === null || p.proto !== IPPROTO_TCP || !p.hasPorts) return;
      const base = fwd ? 0 : N;
      if (p.tcpFlags & TCP_RST) s.counts[base + RESETS]++;
      if (!tcpSegmentOf(p, rec, segment)) return;
      const flags = s.analyzer.analyze(segment, fwd);
      if (tap) tap(rec.index, flags);
      if (flags === 0) return;
      for (let i = 0; i < COUNTERS.length; i++) if (flags & COUNTERS[i][1]) s.counts[base + i]++;
    },
    emit(s, f, row: RowWriter) {
      const counts = f.proto === IPPROTO_TCP && s !== null ? s.counts : null;
      for (let i = 0; i < N; i++) {
        row[TOTAL_COL[i]] = counts ? counts[i] + counts[N + i] : null;
        row[FWD_COL[i]] = counts ? counts[i] : null;
        row[BWD_COL[i]] = counts ? counts[N + i] : null;
      }
    },
  };
}

export const tcpAnalysis = createTcpAnalysisFeature();
