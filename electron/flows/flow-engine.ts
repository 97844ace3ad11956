import type { PacketRecord } from '../capture/packet-record';
import { decodePacket, DecodedPacket } from '../dissect/packet-decoder';
import { IPPROTO_ICMP, IPPROTO_ICMPV6 } from '../dissect/icmp';
import { IPPROTO_TCP, TCP_ACK, TCP_SYN } from '../dissect/tcp';
import { IPPROTO_UDP } from '../dissect/udp';
import { addressFromWords } from '../../shared/net/address-text';
import { defaultFeatures, defaultSignatures } from './features';
import { NameMap } from './name-map';
import type { AnyFlowFeature } from './flow-feature';
import { flowHash, setKey, srcIsLowEndpoint } from './flow-key';
import { columnOf, newRow, type FlowValue } from './flow-row';
import { FlowState } from './flow-state';
import { CLOSING, FlowTable, OPEN } from './flow-table';
import { datagramKey, FragmentFlows } from './fragment-flows';
import { FragmentHold } from './fragment-hold';
import type { PacketFilter } from './packet-filter';
import { isNewConnection, resetTcpLifecycle, tcpLifecycle } from './tcp-lifecycle';

/** Settings a user can change; plain data, so they cross into workers. */
export interface FlowEngineOptions {
  /** Seconds without a packet after which a flow ends (default 120). */
  idleTimeout: number;
  /** Seconds after its first packet at which a long flow is cut (default 1800). */
  activeTimeout: number;
  /** Seconds a finished TCP connection keeps absorbing late packets (default 10). */
  closeTimeout: number;
}

export const defaultEngineOptions: FlowEngineOptions = { idleTimeout: 120, activeTimeout: 1800, closeTimeout: 10 };

export interface EngineCounters {
  packets: number;
  /** Packets that belong to no flow, by reason. */
  skipped: Map<string, number>;
  flows: number;
}

const C = {
  id: columnOf('id'),
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
  icmpErrors: columnOf('icmp_errors'),
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
  /** Indexes of the features that look at packets (emit-only ones are skipped per packet). */
  private readonly updating: Int32Array;
  private readonly fragments = new FragmentFlows();
  private readonly held = new FragmentHold();
  private finished: FlowState[] = [];
  private now = 0;
  /**
   * Whole seconds subtracted from every timestamp before it becomes a float, so
   * differences (IATs, durations) keep nanosecond precision: a float of epoch
   * seconds only resolves about 0.2 µs.
   */
  private baseSec = -1;
  private evidenceId = 0;
  private filter: PacketFilter | null = null;
  readonly counters: EngineCounters = { packets: 0, skipped: new Map(), flows: 0 };

  /** Names learnt from the capture (DNS answers, NRBs), shared with the features. */
  readonly names = new NameMap();

  constructor(
    private readonly opts: FlowEngineOptions = defaultEngineOptions,
    features?: readonly AnyFlowFeature[],
  ) {
    this.features = features ?? defaultFeatures({ names: this.names, signatures: defaultSignatures() });
    this.updating = Int32Array.from(this.features.flatMap((f, i) => (f.update ? [i] : [])));
    this.table = new FlowTable((tcp) => {
      const f = new FlowState(tcp);
      for (const feat of this.features) f.ext.push(feat.create(tcp));
      return f;
    });
  }

  /** Epoch seconds that engine-relative times are counted from (-1 before the first packet). */
  get timeBase(): number {
    return this.baseSec;
  }

  /** Engine time of the latest packet (seconds since timeBase). */
  get currentTime(): number {
    return this.now;
  }

  /** Packets the filter drops are counted as skipped under its reason and never reach a flow. */
  filterPackets(filter: PacketFilter | null): void {
    this.filter = filter;
  }

  /** Flows from here on belong to this evidence file. */
  setEvidence(id: number): void {
    this.evidenceId = id;
  }

  /**
   * Numbers flows from `first` on, in the order of their first packet (like
   * Wireshark's stream index), so a flow keeps its id while it grows.
   */
  numberFlowsFrom(first: number): void {
    this.nextId = first;
  }

  private nextId = 0;

  /** The id given to the most recently started flow. */
  get lastFlowId(): number {
    return this.nextId - 1;
  }

  readonly onPacket = (rec: PacketRecord): void => {
    this.counters.packets++;
    if (this.held.size > 0 && this.baseSec >= 0) {
      // Fragments whose first fragment never came count now, each in a flow of what it carries.
      const now = rec.tsSec - this.baseSec + rec.tsNsec * 1e-9;
      for (const h of this.held.takeExpired(now)) this.count(h, false);
    }
    this.count(rec, true);
  };

  /** Counts one packet in its flow; `mayHold` lets an early later fragment wait for its datagram's first. */
  private count(rec: PacketRecord, mayHold: boolean): void {
    const p = this.p;
    decodePacket(rec, p);
    if (this.filter !== null) {
      const why = this.filter.drop(p);
      if (why !== null) {
        this.skip(why);
        return;
      }
    }
    if (p.ipVersion === 0) {
      this.skip(p.skipReason || 'no IP layer');
      return;
    }
    if (this.baseSec < 0) this.baseSec = rec.tsSec;
    const ts = rec.tsSec - this.baseSec + rec.tsNsec * 1e-9;
    if (ts > this.now) {
      this.now = ts;
      this.expire();
    }
    if (p.datagramVersion !== 0) {
      const key = datagramKey(p);
      const known = this.fragments.resolve(p, key, ts);
      if (p.datagramOffset === 0) {
        if (this.held.size > 0 && this.held.has(key)) {
          // Pieces of this datagram came first: they count first (in time order), then this packet.
          for (const h of this.held.take(key)) this.count(h, false);
          decodePacket(rec, p);
          this.fragments.resolve(p, key, ts);
        }
      } else {
        if (!known && mayHold && this.held.hold(key, rec, ts)) return;
        // A later fragment is all payload, but none of it starts an application message.
        p.payloadWireLength = p.ipTotalLength - p.ipHeaderLength;
        p.payloadLength = 0;
      }
    }
    const pSrcIsA = srcIsLowEndpoint(p);
    const hash = flowHash(p);
    const isTcp = p.proto === IPPROTO_TCP && !p.icmpError;
    let f = this.table.find(p, hash, pSrcIsA);
    if (f) {
      if (ts - f.firstTs > this.opts.activeTimeout) {
        this.finish(f, 'active');
        f = undefined;
      } else if (isTcp && isNewConnection(f, p, pSrcIsA === f.srcIsA)) {
        this.finish(f, f.closing ? f.termination : 'reused');
        f = undefined;
      }
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
    f.dirty = true;
    if (p.icmpError) f.icmpErrors++;
    f.packetIndex.add(rec.fileOffset, ts - f.firstTs, rec.wirelen, !fwd);
    const feats = this.features;
    const updating = this.updating;
    for (let k = 0; k < updating.length; k++) {
      const i = updating[k];
      feats[i].update!(f.ext[i], f, p, rec, ts, fwd);
    }
    if (isTcp && !f.closing) {
      const end = tcpLifecycle(f, p, fwd);
      if (end) {
        f.termination = end;
        f.closing = true;
        this.table.moveTo(f, CLOSING);
      }
    }
  }

  /** Ends every flow still in the table (end of capture; a closed connection keeps its reason). */
  finishAll(): void {
    for (const h of this.held.takeAll()) this.count(h, false);
    for (const list of [CLOSING, OPEN]) {
      for (let f = this.table.oldest(list); f; f = this.table.oldest(list)) this.finish(f, f.closing ? f.termination : 'end_of_capture');
    }
  }

  /** Active flows that changed since they were last taken (live views write them as they grow). */
  takeDirty(): FlowState[] {
    const out: FlowState[] = [];
    for (const f of this.table) {
      if (!f.dirty) continue;
      f.dirty = false;
      out.push(f);
    }
    return out;
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

  /** The flow's record in field-registry order (into `row` when given: a reused, all-null row). */
  toRow(f: FlowState, row: FlowValue[] = newRow()): FlowValue[] {
    const aIsSrc = f.srcIsA;
    row[C.id] = f.id > 0 ? f.id : null;
    row[C.proto] = protoName(f.proto);
    const a = addressFromWords(f.ipVersion, f.a0, f.a1, f.a2, f.a3);
    const b = addressFromWords(f.ipVersion, f.b0, f.b1, f.b2, f.b3);
    row[C.srcIp] = aIsSrc ? a : b;
    row[C.dstIp] = aIsSrc ? b : a;
    row[C.srcPort] = f.srcPortShown;
    row[C.dstPort] = f.dstPortShown;
    row[C.firstTs] = this.baseSec + f.firstTs;
    row[C.lastTs] = this.baseSec + f.lastTs;
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
    row[C.icmpErrors] = f.icmpErrors;
    const feats = this.features;
    for (let i = 0; i < feats.length; i++) feats[i].emit(f.ext[i], f, row);
    return row;
  }

  private start(p: DecodedPacket, rec: PacketRecord, hash: number, pSrcIsA: boolean, ts: number): FlowState {
    const f = this.table.insert(hash, p.proto === IPPROTO_TCP);
    setKey(f, p, pSrcIsA);
    // The source is the first packet's sender, except: a first SYN-ACK was sent by
    // the server, and an ICMP error travels back to the quoted packet's sender.
    const flip = p.icmpError || (p.proto === IPPROTO_TCP && (p.tcpFlags & (TCP_SYN | TCP_ACK)) === (TCP_SYN | TCP_ACK));
    f.srcIsA = flip ? !pSrcIsA : pSrcIsA;
    const icmp = (p.proto === IPPROTO_ICMP || p.proto === IPPROTO_ICMPV6) && !p.icmpError;
    const srcPort = flip ? p.dstPort : p.srcPort;
    const dstPort = flip ? p.srcPort : p.dstPort;
    f.srcPortShown = icmp ? p.icmpType : srcPort;
    f.dstPortShown = icmp ? p.icmpCode : dstPort;
    f.evidenceId = this.evidenceId;
    f.id = this.nextId > 0 ? this.nextId++ : 0;
    f.firstTs = f.lastTs = f.lastFwdTs = ts;
    f.lastBwdTs = 0;
    f.fwdPackets = f.bwdPackets = f.fwdBytes = f.bwdBytes = 0;
    f.icmpErrors = 0;
    f.termination = '';
    f.packetIndex.reset();
    resetTcpLifecycle(f);
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

  private expire(): void {
    const idle = this.now - this.opts.idleTimeout;
    for (let f = this.table.oldest(OPEN); f && f.lastTs < idle; f = this.table.oldest(OPEN)) this.finish(f, 'idle');
    const closed = this.now - this.opts.closeTimeout;
    for (let f = this.table.oldest(CLOSING); f && f.lastTs < closed; f = this.table.oldest(CLOSING)) this.finish(f, f.termination);
  }

  private skip(reason: string): void {
    const m = this.counters.skipped;
    m.set(reason, (m.get(reason) ?? 0) + 1);
  }
}
