import type { BreakdownRow, ConversationRow, EndpointRow, IoGraph } from '../../shared/domain/statistics';
import type { CaseDb } from '../cases/case-db';
import { readPacketIndex } from '../flows/packet-index';
import { selectionSql, type FlowSelection } from './flow-selection';

/** Address pairs, like Wireshark's Conversations (IPv4/IPv6 tabs), largest first. */
export function conversations(db: CaseDb, s: FlowSelection, limit: number): ConversationRow[] {
  const { where, params } = selectionSql(s);
  return db
    .prepare(
      `WITH sel AS (
         SELECT CASE WHEN f.src_ip <= f.dst_ip THEN f.src_ip ELSE f.dst_ip END AS a,
                CASE WHEN f.src_ip <= f.dst_ip THEN f.dst_ip ELSE f.src_ip END AS b,
                f.src_ip <= f.dst_ip AS srcIsA, f.* FROM flows f WHERE ${where})
       SELECT a, b,
         (SELECT name FROM names WHERE address = a ORDER BY first_ts LIMIT 1) AS aName,
         (SELECT name FROM names WHERE address = b ORDER BY first_ts LIMIT 1) AS bName,
         count(*) AS flows, sum(packets) AS packets, sum(bytes) AS bytes,
         sum(CASE WHEN srcIsA THEN fwd_packets ELSE bwd_packets END) AS packetsAtoB,
         sum(CASE WHEN srcIsA THEN fwd_bytes ELSE bwd_bytes END) AS bytesAtoB,
         sum(CASE WHEN srcIsA THEN bwd_packets ELSE fwd_packets END) AS packetsBtoA,
         sum(CASE WHEN srcIsA THEN bwd_bytes ELSE fwd_bytes END) AS bytesBtoA,
         min(first_ts) AS start, max(last_ts) - min(first_ts) AS duration
       FROM sel GROUP BY a, b ORDER BY bytes DESC, a, b LIMIT ?`,
    )
    .all(...params, limit) as ConversationRow[];
}

/** Addresses, like Wireshark's Endpoints, largest first. */
export function endpoints(db: CaseDb, s: FlowSelection, limit: number): EndpointRow[] {
  const { where, params } = selectionSql(s);
  return db
    .prepare(
      `WITH sel AS (SELECT f.* FROM flows f WHERE ${where}),
       sides AS (
         SELECT src_ip AS address, fwd_packets AS txPackets, fwd_bytes AS txBytes, bwd_packets AS rxPackets, bwd_bytes AS rxBytes FROM sel
         UNION ALL
         SELECT dst_ip, bwd_packets, bwd_bytes, fwd_packets, fwd_bytes FROM sel)
       SELECT address,
         (SELECT name FROM names WHERE names.address = sides.address ORDER BY first_ts LIMIT 1) AS name,
         count(*) AS flows, sum(txPackets + rxPackets) AS packets, sum(txBytes + rxBytes) AS bytes,
         sum(txPackets) AS txPackets, sum(txBytes) AS txBytes, sum(rxPackets) AS rxPackets, sum(rxBytes) AS rxBytes
       FROM sides GROUP BY address ORDER BY bytes DESC, address LIMIT ?`,
    )
    .all(...params, limit) as EndpointRow[];
}

const BREAKDOWN = { app: 'app', proto: 'proto', app_category: 'app_category', conn_state: 'conn_state', label: 'label' } as const;

/** Flows, packets and bytes per app, protocol, category, state or label. */
export function breakdown(db: CaseDb, s: FlowSelection, by: keyof typeof BREAKDOWN, limit: number): BreakdownRow[] {
  const { where, params } = selectionSql(s);
  const col = BREAKDOWN[by];
  return db
    .prepare(`SELECT f.${col} AS key, count(*) AS flows, sum(f.packets) AS packets, sum(f.bytes) AS bytes FROM flows f WHERE ${where} GROUP BY f.${col} ORDER BY bytes DESC LIMIT ?`)
    .all(...params, limit) as BreakdownRow[];
}

const MAX_BUCKETS = 100_000;

const NICE = [1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400, 604800];

/** An interval that gives at most `buckets` points over `span` seconds. */
export function niceInterval(span: number, buckets: number): number {
  return NICE.find((i) => span / i <= buckets) ?? Math.ceil(span / buckets);
}

/**
 * Packets and bytes per interval over the selected flows, each packet counted at
 * its own time (read from the packet index, microsecond resolution); flows
 * without a packet index (imported flow records) count at their first time.
 */
export function ioGraph(db: CaseDb, s: FlowSelection, interval?: number, maxBuckets = 1000): IoGraph {
  const { where, params } = selectionSql(s);
  const span = db.prepare(`SELECT min(f.first_ts) AS start, max(f.last_ts) AS end FROM flows f WHERE ${where}`).get(...params) as { start: number | null; end: number | null };
  if (span.start === null || span.end === null) return { start: 0, interval: interval ?? 1, packets: [], bytes: [] };
  const width = Math.max(span.end - span.start, 1e-3);
  // A requested interval that would need more than MAX_BUCKETS points is widened (the result says which it used).
  const step = interval !== undefined ? Math.max(interval, niceInterval(width, MAX_BUCKETS)) : niceInterval(width, maxBuckets);
  const start = Math.floor(span.start / step) * step;
  const n = Math.floor((span.end - start) / step) + 1;
  const packets = new Float64Array(n);
  const bytes = new Float64Array(n);
  const rows = db
    .prepare(`SELECT f.first_ts AS firstTs, f.packets AS count, f.bytes AS total, p.packet_index AS idx FROM flows f LEFT JOIN flow_packets p ON p.flow_id = f.id WHERE ${where}`)
    .iterate(...params) as IterableIterator<{ firstTs: number; count: number; total: number; idx: Buffer | null }>;
  for (const r of rows) {
    if (!r.idx) {
      const b = Math.min(n - 1, Math.floor((r.firstTs - start) / step));
      packets[b] += r.count;
      bytes[b] += r.total;
      continue;
    }
    for (const e of readPacketIndex(new Uint8Array(r.idx.buffer, r.idx.byteOffset, r.idx.byteLength))) {
      const b = Math.min(n - 1, Math.max(0, Math.floor((r.firstTs + e.us / 1e6 - start) / step)));
      packets[b]++;
      bytes[b] += e.wirelen;
    }
  }
  return { start, interval: step, packets: Array.from(packets), bytes: Array.from(bytes) };
}
