import type { PacketRecord } from '../../capture/packet-record';
import type { DecodedPacket } from '../../dissect/decoded-packet';
import type { FlowFeature } from '../flow-feature';
import { columnOf } from '../flow-row';
import type { FlowState } from '../flow-state';
import { RunningStats, STATS_STRIDE } from '../running-stats';

// CICFlowMeter's thresholds: activity splits at 5 s gaps, subflows and bulks at 1 s.
const ACTIVITY_GAP = 5;
const SUBFLOW_GAP = 1;
const BULK_GAP = 1;
const BULK_MIN_PACKETS = 4;

/** CICFlowMeter's bulk bookkeeping for one direction (FlowFeature.updateForwardBulk). */
class Bulk {
  startHelper = 0;
  packetsHelper = 0;
  sizeHelper = 0;
  lastTs = 0;
  count = 0;
  packets = 0;
  size = 0;
  duration = 0;

  reset(): void {
    this.startHelper = this.packetsHelper = this.sizeHelper = this.lastTs = 0;
    this.count = this.packets = this.size = this.duration = 0;
  }

  /** A payload-carrying packet in this direction; `otherLast` is the other direction's last bulk packet time. */
  add(ts: number, size: number, otherLast: number): void {
    if (otherLast > this.startHelper) this.startHelper = 0;
    if (size <= 0) return;
    if (this.startHelper === 0 || ts - this.lastTs > BULK_GAP) {
      this.startHelper = ts;
      this.packetsHelper = 1;
      this.sizeHelper = size;
      this.lastTs = ts;
      return;
    }
    this.packetsHelper++;
    this.sizeHelper += size;
    if (this.packetsHelper === BULK_MIN_PACKETS) {
      this.count++;
      this.packets += BULK_MIN_PACKETS;
      this.size += this.sizeHelper;
      this.duration += ts - this.startHelper;
    } else if (this.packetsHelper > BULK_MIN_PACKETS) {
      this.packets++;
      this.size += size;
      this.duration += ts - this.lastTs;
    }
    this.lastTs = ts;
  }
}

interface ActivityState {
  active: RunningStats;
  idle: RunningStats;
  startActive: number;
  endActive: number;
  subflows: number;
  lastTs: number;
  fwdBulk: Bulk;
  bwdBulk: Bulk;
  fwdPayload: number;
  bwdPayload: number;
}

const C = {
  activeMean: columnOf('active_mean'), activeStd: columnOf('active_std'), activeMax: columnOf('active_max'), activeMin: columnOf('active_min'),
  idleMean: columnOf('idle_mean'), idleStd: columnOf('idle_std'), idleMax: columnOf('idle_max'), idleMin: columnOf('idle_min'),
  sfFwdPackets: columnOf('subflow_fwd_packets'), sfFwdBytes: columnOf('subflow_fwd_bytes'), sfBwdPackets: columnOf('subflow_bwd_packets'), sfBwdBytes: columnOf('subflow_bwd_bytes'),
  fwdBulkBytes: columnOf('fwd_bulk_bytes_avg'), fwdBulkPackets: columnOf('fwd_bulk_packets_avg'), fwdBulkRate: columnOf('fwd_bulk_rate_avg'),
  bwdBulkBytes: columnOf('bwd_bulk_bytes_avg'), bwdBulkPackets: columnOf('bwd_bulk_packets_avg'), bwdBulkRate: columnOf('bwd_bulk_rate_avg'),
};

const scratch = new RunningStats();

function payloadOf(p: DecodedPacket): number {
  if (p.icmpError) return 0;
  return p.payloadWireLength > 0 ? p.payloadWireLength : p.payloadLength;
}

/**
 * CICFlowMeter's time-structure features: active and idle periods (split at 5 s
 * gaps), subflows (split at 1 s gaps; per-subflow means) and bulk transfers
 * (4+ payload packets one way within 1 s of each other, not interleaved with a
 * bulk the other way).
 */
export const activity: FlowFeature<ActivityState> = {
  name: 'activity',
  create() {
    const store = new Float64Array(2 * STATS_STRIDE);
    return { active: new RunningStats(store, 0), idle: new RunningStats(store, STATS_STRIDE), startActive: 0, endActive: 0, subflows: 0, lastTs: 0, fwdBulk: new Bulk(), bwdBulk: new Bulk(), fwdPayload: 0, bwdPayload: 0 };
  },
  init(s, _f: FlowState, _p: DecodedPacket, _rec: PacketRecord, ts) {
    s.active.reset();
    s.idle.reset();
    s.startActive = s.endActive = s.lastTs = ts;
    s.subflows = 1;
    s.fwdBulk.reset();
    s.bwdBulk.reset();
    s.fwdPayload = s.bwdPayload = 0;
  },
  update(s, _f, p, _rec, ts, fwd) {
    if (ts - s.endActive > ACTIVITY_GAP) {
      if (s.endActive - s.startActive > 0) s.active.add(s.endActive - s.startActive);
      s.idle.add(ts - s.endActive);
      s.startActive = s.endActive = ts;
    } else if (ts > s.endActive) {
      s.endActive = ts;
    }
    if (ts - s.lastTs > SUBFLOW_GAP) s.subflows++;
    s.lastTs = ts;
    const size = payloadOf(p);
    if (fwd) {
      s.fwdPayload += size;
      s.fwdBulk.add(ts, size, s.bwdBulk.lastTs);
    } else {
      s.bwdPayload += size;
      s.bwdBulk.add(ts, size, s.fwdBulk.lastTs);
    }
  },
  emit(s, f, row) {
    // The period still open at the end of the flow counts as active (emit stays
    // pure: live views emit rows of flows that are still growing).
    const all = scratch.copyFrom(s.active);
    const lastActive = s.endActive - s.startActive;
    if (lastActive > 0) all.add(lastActive);
    const hasActive = all.n > 0;
    row[C.activeMean] = hasActive ? all.mean : 0;
    row[C.activeStd] = hasActive ? all.std : 0;
    row[C.activeMax] = hasActive ? all.max : 0;
    row[C.activeMin] = hasActive ? all.min : 0;
    const hasIdle = s.idle.n > 0;
    row[C.idleMean] = hasIdle ? s.idle.mean : 0;
    row[C.idleStd] = hasIdle ? s.idle.std : 0;
    row[C.idleMax] = hasIdle ? s.idle.max : 0;
    row[C.idleMin] = hasIdle ? s.idle.min : 0;
    row[C.sfFwdPackets] = f.fwdPackets / s.subflows;
    row[C.sfFwdBytes] = s.fwdPayload / s.subflows;
    row[C.sfBwdPackets] = f.bwdPackets / s.subflows;
    row[C.sfBwdBytes] = s.bwdPayload / s.subflows;
    for (const [b, bytes, packets, rate] of [
      [s.fwdBulk, C.fwdBulkBytes, C.fwdBulkPackets, C.fwdBulkRate],
      [s.bwdBulk, C.bwdBulkBytes, C.bwdBulkPackets, C.bwdBulkRate],
    ] as const) {
      row[bytes] = b.count > 0 ? b.size / b.count : 0;
      row[packets] = b.count > 0 ? b.packets / b.count : 0;
      row[rate] = b.duration > 0 ? b.size / b.duration : 0;
    }
  },
};
