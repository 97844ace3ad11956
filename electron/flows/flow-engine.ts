import type { PacketRecord } from '../capture/packet-record';
import { decodePacket, DecodedPacket } from '../dissect/packet-decoder';
import { addressToString } from './address-format';
import type { AnyFlowFeature } from './flow-feature';
import { srcIsLowEndpoint, flowHash, setKey } from './flow-key';
import { columnOf, newRow, type FlowValue } from './flow-row';
import { FlowState } from './flow-state';
import { FlowTable } from './flow-table';
import { defaultFeatures } from './features';
import { IPPROTO_TCP } from '../dissect/tcp';
import { IPPROTO_UDP } from '../dissect/udp';
import { IPPROTO_ICMP, IPPROTO_ICMPV6 } from '../dissect/icmp';

/** Settings a user can change; plain data, so they cross into workers. */
export interface FlowEngineOptions {
  /** Seconds without a packet after which a flow ends (default 120). */
  idleTimeout: number;
  /** Seconds after its first packet at which a long flow is cut (default 1800). */
  activeTimeout: number;
}

export const defaultEngineOptions: FlowEngineOptions = { idleTimeout: 120, activeTimeout: 1800 };

/** Receives every finished flow; the engine reuses the FlowState once `release` is called. */
export type FinishedFlowSink = (flows: FlowState[]) => void;

export interface EngineCounters {
  packets: number;
  /** Packets that belong to no flow, by reason. */
  skipped: Map<string, number>;
  flows: number;
}

const C = {
  proto: columnOf('proto'),
  srcIp: columnOf('src_ip'),
  srcPort: columnOf('src_port'),
  dstIp: columnOf('dst_ip'),
  dstPort: columnOf('dst_port'),
  firstTs: columnOf('first_ts'),
  lastTs: columnOf('last_ts'),
  duration: columnOf('duration'),
  packets: columnOf('packets'),
  bytes: columnOf('bytes'),
  fwdPackets: columnOf('fwd_packets'),
  bwdPackets: columnOf('bwd_packets'),
  fwdBytes: columnOf('fwd_bytes'),
  bwdBytes: columnOf('bwd_bytes'),
  vlan: columnOf('vlan'),
  ipVersion: columnOf('ip_version'),
  ipProto: columnOf('ip_proto'),
  termination: columnOf('termination'),
};

function protoName(proto: number): string {
  switch (proto) {
    case IPPROTO_TCP: return 'tcp';
    case IPPROTO_UDP: return 'udp';
    case IPPROTO_ICMP: return 'icmp';
    case IPPROTO_ICMPV6: return 'icmpv6';
    default: return 'other';
  }
}

/**
 * The packet engine: decodes each record, assembles bidirectional flows, runs the
 * feature plugins and hands finished flows out in batches. Per packet it
 * allocates nothing and never touches storage.
 */
export class FlowEngine {
  private readonly p = new DecodedPacket();
  private readonly table: FlowTable;
  private readonly features: readonly AnyFlowFeature[];
  private finished: FlowState[] = [];
  private now = 0;
  private evidenceId = 0;
  readonly counters: EngineCounters = { packets: 0, skipped: new Map(), flows: 0 };

  constructor(
    private readonly opts: FlowEngineOptions = defaultEngineOptions,
    features: readonly AnyFlowFeature[] = defaultFeatures(),
  ) {
    this.features = features;
    this.table = new FlowTable(() => {
      const f = new FlowState();
      for (const feat of this.features) f.ext.push(feat.create());
      return f;
    });
  }

  /** Flows from here on belong to this evidence file. */
  setEvidence(id: number): void {
    this.evidenceId = id;
  }

  readonly onPacket = (rec: PacketRecord): void => {
    const p = this.p;
    this.counters.packets++;
    decodePacket(rec, p);
    if (p.ipVersion === 0) {
      this.skip(p.skipReason || 'no IP layer');
      return;
    }
    const ts = rec.tsSec + rec.tsNsec * 1e-9;
    if (ts > this.now) {
      this.now = ts;
      this.expireIdle();
    }
    const pSrcIsA = srcIsLowEndpoint(p);
    const hash = flowHash(p);
    let f = this.table.find(p, hash, pSrcIsA);
    if (f && ts - f.firstTs > this.opts.activeTimeout) {
      this.finish(f, 'active');
      f = undefined;
    }
    if (!f) f = this.start(p, rec, hash, pSrcIsA, ts);
    else this.table.touch(f);
    const fwd = pSrcIsA === f.srcIsA;
    if (fwd) {
      f.fwdPackets++;
      f.fwdBytes += rec.wirelen;
      f.lastFwdTs = ts;
    } else {
      f.bwdPackets++;
      f.bwdBytes += rec.wirelen;
      f.lastBwdTs = ts;
    }
    if (ts > f.lastTs) f.lastTs = ts;
    const feats = this.features;
    for (let i = 0; i < feats.length; i++) feats[i].update(f.ext[i], f, p, rec, ts, fwd);
  };

  /** Ends every active flow (end of capture) and returns the last batch. */
  finishAll(): void {
    for (let f = this.table.oldest(); f; f = this.table.oldest()) this.finish(f, 'end_of_capture');
  }

  /** Takes the flows finished since the last call; call `release` after writing them. */
  takeFinished(): FlowState[] {
    const out = this.finished;
    this.finished = [];
    return out;
  }

  release(flows: FlowState[]): void {
    for (const f of flows) this.table.release(f);
  }

  get activeFlows(): number {
    return this.table.size;
  }

  /** The flow's record in field-registry order. */
  toRow(f: FlowState): FlowValue[] {
    const row = newRow();
    const aIsSrc = f.srcIsA;
    row[C.proto] = protoName(f.proto);
    const a = addressToString(f.ipVersion, f.a0, f.a1, f.a2, f.a3);
    const b = addressToString(f.ipVersion, f.b0, f.b1, f.b2, f.b3);
    row[C.srcIp] = aIsSrc ? a : b;
    row[C.dstIp] = aIsSrc ? b : a;
    row[C.srcPort] = f.srcPortShown;
    row[C.dstPort] = f.dstPortShown;
    row[C.firstTs] = f.firstTs;
    row[C.lastTs] = f.lastTs;
    // Rounded to the nanosecond so float noise from the subtraction never shows.
    row[C.duration] = Math.round((f.lastTs - f.firstTs) * 1e9) / 1e9;
    row[C.packets] = f.fwdPackets + f.bwdPackets;
    row[C.bytes] = f.fwdBytes + f.bwdBytes;
    row[C.fwdPackets] = f.fwdPackets;
    row[C.bwdPackets] = f.bwdPackets;
    row[C.fwdBytes] = f.fwdBytes;
    row[C.bwdBytes] = f.bwdBytes;
    row[C.vlan] = f.vlan;
    row[C.ipVersion] = f.ipVersion;
    row[C.ipProto] = f.proto;
    row[C.termination] = f.termination;
    const feats = this.features;
    for (let i = 0; i < feats.length; i++) feats[i].emit(f.ext[i], f, row);
    return row;
  }

  private start(p: DecodedPacket, rec: PacketRecord, hash: number, pSrcIsA: boolean, ts: number): FlowState {
    const f = this.table.insert(hash);
    setKey(f, p, pSrcIsA);
    f.srcIsA = pSrcIsA;
    const icmp = p.proto === IPPROTO_ICMP || p.proto === IPPROTO_ICMPV6;
    f.srcPortShown = icmp ? p.icmpType : p.srcPort;
    f.dstPortShown = icmp ? p.icmpCode : p.dstPort;
    f.evidenceId = this.evidenceId;
    f.firstTs = f.lastTs = f.lastFwdTs = ts;
    f.lastBwdTs = 0;
    f.fwdPackets = f.bwdPackets = f.fwdBytes = f.bwdBytes = 0;
    f.termination = '';
    const feats = this.features;
    for (let i = 0; i < feats.length; i++) feats[i].init(f.ext[i], f, p, rec, ts);
    this.counters.flows++;
    return f;
  }

  private finish(f: FlowState, reason: string): void {
    f.termination = reason;
    this.table.remove(f);
    this.finished.push(f);
  }

  private expireIdle(): void {
    const limit = this.now - this.opts.idleTimeout;
    for (let f = this.table.oldest(); f && f.lastTs < limit; f = this.table.oldest()) this.finish(f, 'idle');
  }

  private skip(reason: string): void {
    const m = this.counters.skipped;
    m.set(reason, (m.get(reason) ?? 0) + 1);
  }
}
