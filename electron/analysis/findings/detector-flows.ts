import type { CaseDb } from '../../cases/case-db';
import { connectionClass } from './connection-classes';

/**
 * The flows detectors read, as columns (typed arrays, addresses interned):
 * a million flows take tens of megabytes instead of a million objects. Only
 * TCP and UDP flows, in order of their first packet. Every column is a flow
 * field, so cases built from imported flow records work too; what they lack
 * (history, payload bytes) is read as unknown.
 */
export class DetectorFlows {
  readonly n: number;
  readonly id: Float64Array;
  /** 6 TCP, 17 UDP. */
  readonly proto: Uint8Array;
  /** Indexes into `ips`. */
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly dport: Int32Array;
  readonly first: Float64Array;
  readonly last: Float64Array;
  readonly duration: Float64Array;
  readonly packets: Float64Array;
  readonly retrans: Float64Array;
  readonly dupAcks: Float64Array;
  /** ConnClass bits (connection-classes.ts). */
  readonly cls: Uint8Array;
  /** Index into `states` (Zeek's conn_state; '' when unknown). */
  readonly state: Uint8Array;
  /** Duplicated packets found in the packet index (duplicate-packets.ts); 0 until scanned. */
  readonly dup: Float64Array;
  /** Of those, the ones TCP analysis counted as retransmissions (carrying data, SYN or FIN). */
  readonly dupRetrans: Float64Array;
  readonly ips: string[] = [];
  readonly states: string[] = [''];

  constructor(n: number) {
    this.n = n;
    this.id = new Float64Array(n);
    this.proto = new Uint8Array(n);
    this.src = new Int32Array(n);
    this.dst = new Int32Array(n);
    this.dport = new Int32Array(n);
    this.first = new Float64Array(n);
    this.last = new Float64Array(n);
    this.duration = new Float64Array(n);
    this.packets = new Float64Array(n);
    this.retrans = new Float64Array(n);
    this.dupAcks = new Float64Array(n);
    this.cls = new Uint8Array(n);
    this.state = new Uint8Array(n);
    this.dup = new Float64Array(n);
    this.dupRetrans = new Float64Array(n);
  }

  stateOf(i: number): string {
    return this.states[this.state[i]];
  }

  protoName(i: number): string {
    return this.proto[i] === 6 ? 'tcp' : 'udp';
  }
}

type Row = [number, string, string | null, string | null, number | null, number | null, number | null, number | null, number | null, number | null, string | null, string | null, number | null, number | null, number | null, number | null];

const QUERY = `SELECT id, proto, src_ip, dst_ip, dst_port, first_ts, last_ts, packets, retransmissions, fwd_payload_bytes, conn_state, history, bwd_payload_bytes, icmp_errors, bwd_packets, dup_acks
  FROM flows WHERE proto IN ('tcp', 'udp') ORDER BY first_ts, id`;

/** Reads the case's TCP and UDP flows; `onRow` reports progress every 50k rows. */
export function loadDetectorFlows(db: CaseDb, onRows?: (done: number, total: number) => void): DetectorFlows {
  const total = (db.prepare("SELECT count(*) AS n FROM flows WHERE proto IN ('tcp', 'udp')").get() as { n: number }).n;
  const f = new DetectorFlows(total);
  const ipIndex = new Map<string, number>();
  const stateIndex = new Map<string, number>([['', 0]]);
  const intern = (ip: string | null) => {
    const k = ip ?? '';
    let v = ipIndex.get(k);
    if (v === undefined) {
      v = f.ips.length;
      f.ips.push(k);
      ipIndex.set(k, v);
    }
    return v;
  };
  let i = 0;
  for (const r of db.prepare(QUERY).raw().iterate() as IterableIterator<Row>) {
    if (i >= total) break;
    const [id, proto, src, dst, dport, first, last, packets, retrans, fwdPayload, connState, history, bwdPayload, icmpErrors, bwdPackets, dupAcks] = r;
    f.id[i] = id;
    f.proto[i] = proto === 'tcp' ? 6 : 17;
    f.src[i] = intern(src);
    f.dst[i] = intern(dst);
    f.dport[i] = dport ?? -1;
    f.first[i] = first ?? 0;
    f.last[i] = last ?? first ?? 0;
    f.duration[i] = f.last[i] - f.first[i];
    f.packets[i] = packets ?? 0;
    f.retrans[i] = retrans ?? 0;
    f.dupAcks[i] = dupAcks ?? 0;
    const state = connState ?? '';
    let s = stateIndex.get(state);
    if (s === undefined) {
      s = f.states.length;
      f.states.push(state);
      stateIndex.set(state, s);
    }
    f.state[i] = s;
    f.cls[i] = connectionClass({ proto, connState, history, fwdPayload, bwdPayload, icmpErrors, bwdPackets });
    i++;
    if (onRows && i % 50_000 === 0) onRows(i, total);
  }
  onRows?.(i, total);
  return f;
}
