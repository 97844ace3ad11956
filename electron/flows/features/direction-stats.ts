import type { PacketRecord } from '../../capture/packet-record';
import type { DecodedPacket } from '../../dissect/decoded-packet';
import { IPPROTO_TCP, TCP_ACK, TCP_CWR, TCP_ECE, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN, TCP_URG } from '../../dissect/tcp';
import type { FlowFeature } from '../flow-feature';
import { columnOf, type RowWriter } from '../flow-row';
import type { FlowState } from '../flow-state';
import { addStat, RunningStats, STATS_STRIDE } from '../running-stats';

// Where each statistic sits in a flow's shared array.
const FRAME = 0;
const PAYLOAD = STATS_STRIDE;
const IAT = 2 * STATS_STRIDE;
const BWD_AT = 3 * STATS_STRIDE;
const FLOW_IAT_AT = 6 * STATS_STRIDE;
const FLOW_PAYLOAD_AT = 7 * STATS_STRIDE;

/** Per-direction statistics: seed 002's frame-length and IAT features, and CICFlowMeter's per-direction columns. */
class Side {
  readonly frame: RunningStats;
  readonly payload: RunningStats;
  readonly iat: RunningStats;
  lastTs = -1;
  psh = 0;
  urg = 0;
  headerBytes = 0;
  initWin = -1;
  dataPackets = 0;
  minHeader = -1;

  /** Keeps its three statistics in `store` from `at` on. */
  constructor(store: Float64Array, at: number) {
    this.frame = new RunningStats(store, at + FRAME);
    this.payload = new RunningStats(store, at + PAYLOAD);
    this.iat = new RunningStats(store, at + IAT);
  }

  /** Clears the side's counters; its statistics are cleared with the flow's whole array. */
  reset(): void {
    this.lastTs = -1;
    this.psh = this.urg = this.headerBytes = this.dataPackets = 0;
    this.initWin = this.minHeader = -1;
  }
}

interface DirState {
  /** The eight statistics' numbers (RunningStats views below read them). */
  store: Float64Array;
  fwd: Side;
  bwd: Side;
  flowIat: RunningStats;
  payload: RunningStats;
  lastTs: number;
  /** TCP header flag counts (TCP flows only). */
  flags: Int32Array | null;
}

const FLAG_BITS = [TCP_FIN, TCP_SYN, TCP_RST, TCP_PSH, TCP_ACK, TCP_URG, TCP_CWR, TCP_ECE];
const FLAG_COLUMNS = ['fin_count', 'syn_count', 'rst_count', 'psh_count', 'ack_count', 'urg_count', 'cwr_count', 'ece_count'] as const;

function sideColumns(d: 'fwd' | 'bwd') {
  return {
    lenMin: columnOf(`${d}_len_min`), lenMax: columnOf(`${d}_len_max`), lenMean: columnOf(`${d}_len_mean`), lenStd: columnOf(`${d}_len_std`),
    iatMin: columnOf(`${d}_iat_min`), iatMax: columnOf(`${d}_iat_max`), iatMean: columnOf(`${d}_iat_mean`), iatStd: columnOf(`${d}_iat_std`), iatTotal: columnOf(`${d}_iat_total`),
    payBytes: columnOf(`${d}_payload_bytes`), payMin: columnOf(`${d}_payload_min`), payMax: columnOf(`${d}_payload_max`), payMean: columnOf(`${d}_payload_mean`), payStd: columnOf(`${d}_payload_std`),
    psh: columnOf(`${d}_psh_flags`), urg: columnOf(`${d}_urg_flags`), header: columnOf(`${d}_header_bytes`), pps: columnOf(`${d}_packets_per_s`),
    segAvg: columnOf(`${d}_seg_size_avg`), initWin: columnOf(d === 'fwd' ? 'init_win_fwd' : 'init_win_bwd'),
  };
}

const FWD = sideColumns('fwd');
const BWD = sideColumns('bwd');
const COL = {
  flowIatMean: columnOf('flow_iat_mean'), flowIatStd: columnOf('flow_iat_std'), flowIatMax: columnOf('flow_iat_max'), flowIatMin: columnOf('flow_iat_min'),
  bytesPerS: columnOf('flow_bytes_per_s'), packetsPerS: columnOf('flow_packets_per_s'),
  payMin: columnOf('payload_min'), payMax: columnOf('payload_max'), payMean: columnOf('payload_mean'), payStd: columnOf('payload_std'), payVar: columnOf('payload_var'),
  downUp: columnOf('down_up_ratio'), avgSize: columnOf('avg_packet_size'), actData: columnOf('fwd_act_data_packets'), minSeg: columnOf('fwd_seg_size_min'),
  flags: FLAG_COLUMNS.map((c) => columnOf(c)),
};

/** Bytes of the transport header, as CICFlowMeter counts "header length". */
function transportHeader(p: DecodedPacket): number {
  if (!p.hasPorts || p.icmpError) return 0;
  return p.proto === IPPROTO_TCP ? p.tcpHeaderLength : 8;
}

function emitSide(row: RowWriter, c: typeof FWD, s: Side, duration: number): void {
  const has = s.frame.n > 0;
  row[c.lenMin] = has ? s.frame.min : null;
  row[c.lenMax] = has ? s.frame.max : null;
  row[c.lenMean] = has ? s.frame.mean : null;
  row[c.lenStd] = has ? s.frame.std : null;
  const hasIat = s.iat.n > 0;
  row[c.iatMin] = hasIat ? s.iat.min : null;
  row[c.iatMax] = hasIat ? s.iat.max : null;
  row[c.iatMean] = hasIat ? s.iat.mean : null;
  row[c.iatStd] = hasIat ? s.iat.std : null;
  row[c.iatTotal] = s.iat.sum;
  row[c.payBytes] = s.payload.sum;
  row[c.payMin] = has ? s.payload.min : null;
  row[c.payMax] = has ? s.payload.max : null;
  row[c.payMean] = has ? s.payload.mean : null;
  row[c.payStd] = has ? s.payload.std : null;
  row[c.segAvg] = has ? s.payload.mean : null;
  row[c.psh] = s.psh;
  row[c.urg] = s.urg;
  row[c.header] = s.headerBytes;
  row[c.pps] = duration > 0 ? s.frame.n / duration : null;
  row[c.initWin] = s.initWin;
}

/**
 * Seed 002's direction-based features (frame length and inter-arrival time per
 * direction) and CICFlowMeter's per-flow statistics, where "packet length" means
 * the transport payload length as in CICFlowMeter. Rates over a zero duration are
 * left empty rather than reported as infinite.
 */
export const directionStats: FlowFeature<DirState> = {
  name: 'direction-stats',
  create(tcp) {
    // The flow's eight statistics share one array: three per side, then flow IAT and payload.
    const store = new Float64Array(8 * STATS_STRIDE);
    return {
      store,
      fwd: new Side(store, 0),
      bwd: new Side(store, BWD_AT),
      flowIat: new RunningStats(store, FLOW_IAT_AT),
      payload: new RunningStats(store, FLOW_PAYLOAD_AT),
      lastTs: -1,
      flags: tcp ? new Int32Array(8) : null,
    };
  },
  init(s) {
    s.fwd.reset();
    s.bwd.reset();
    s.store.fill(0);
    s.lastTs = -1;
    s.flags?.fill(0);
  },
  update(s, _f: FlowState, p: DecodedPacket, rec: PacketRecord, ts, fwd) {
    const side = fwd ? s.fwd : s.bwd;
    const v = s.store;
    const at = fwd ? 0 : BWD_AT;
    const payload = p.icmpError ? 0 : p.payloadWireLength > 0 ? p.payloadWireLength : p.payloadLength;
    addStat(v, at + FRAME, rec.wirelen);
    addStat(v, at + PAYLOAD, payload);
    addStat(v, FLOW_PAYLOAD_AT, payload);
    if (side.lastTs >= 0) addStat(v, at + IAT, ts - side.lastTs);
    side.lastTs = ts;
    if (s.lastTs >= 0) addStat(v, FLOW_IAT_AT, ts - s.lastTs);
    s.lastTs = ts;
    const header = transportHeader(p);
    side.headerBytes += header;
    if (payload > 0) side.dataPackets++;
    if (side.minHeader < 0 || header < side.minHeader) side.minHeader = header;
    if (p.proto === IPPROTO_TCP && !p.icmpError) {
      const flags = p.tcpFlags;
      if (side.initWin < 0) side.initWin = p.tcpWindow;
      if (flags & TCP_PSH) side.psh++;
      if (flags & TCP_URG) side.urg++;
      const counts = s.flags!;
      for (let i = 0; i < 8; i++) if (flags & FLAG_BITS[i]) counts[i]++;
    }
  },
  emit(s, f, row) {
    const duration = f.lastTs - f.firstTs;
    emitSide(row, FWD, s.fwd, duration);
    emitSide(row, BWD, s.bwd, duration);
    const hasIat = s.flowIat.n > 0;
    row[COL.flowIatMean] = hasIat ? s.flowIat.mean : null;
    row[COL.flowIatStd] = hasIat ? s.flowIat.std : null;
    row[COL.flowIatMax] = hasIat ? s.flowIat.max : null;
    row[COL.flowIatMin] = hasIat ? s.flowIat.min : null;
    row[COL.bytesPerS] = duration > 0 ? s.payload.sum / duration : null;
    row[COL.packetsPerS] = duration > 0 ? s.payload.n / duration : null;
    row[COL.payMin] = s.payload.min;
    row[COL.payMax] = s.payload.max;
    row[COL.payMean] = s.payload.mean;
    row[COL.payStd] = s.payload.std;
    row[COL.payVar] = s.payload.variance;
    row[COL.downUp] = s.fwd.frame.n > 0 ? s.bwd.frame.n / s.fwd.frame.n : null;
    row[COL.avgSize] = s.payload.n > 0 ? s.payload.sum / s.payload.n : null;
    row[COL.actData] = s.fwd.dataPackets;
    row[COL.minSeg] = s.fwd.minHeader < 0 ? null : s.fwd.minHeader;
    const counts = f.proto === IPPROTO_TCP ? s.flags : null;
    for (let i = 0; i < 8; i++) row[COL.flags[i]] = counts ? counts[i] : null;
  },
};
