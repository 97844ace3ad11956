import { readFileSync } from 'node:fs';
import { inputFileProblem } from '../input-file';
import { basename } from 'node:path';
import type { CsvLabelReport } from '../../shared/domain/labels';
import type { CaseDb } from '../cases/case-db';
import { flowTableColumns } from '../cases/filter-sql-columns';
import { applyLabelEntries, newLabelBatch, type LabelEntry } from '../cases/label-store';
import { csvColumns, csvLabelRow, CsvLabelError, tupleKey, type CsvLabelRow } from './csv-label-rows';
import { csvRecords } from './csv-records';

const LIST_LIMIT = 1000;
const PROTO_NUMBER: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58 };

interface FlowKeyRow {
  id: number;
  ip_proto: number | null;
  proto: string | null;
  src_ip_key: Uint8Array | null;
  src_port: number | null;
  dst_ip_key: Uint8Array | null;
  dst_port: number | null;
  first_ts: number;
  last_ts: number;
}

export interface CsvImportOptions {
  /** Seconds of slack around a flow's [first_ts, last_ts] when a row gives first_ts (tools round times). */
  toleranceSeconds: number;
  author: string;
}

/**
 * Labels flows from a ground-truth CSV as one act (provenance `csv`). A row
 * matches the flows with its 5-tuple in either direction; with `first_ts` it
 * matches only the flow whose span (± tolerance) contains that time, the one
 * starting nearest to it when several do (a reused port). Every row is
 * accounted for: matched, unmatched (with why) or bad (with why), by line.
 * The case is scanned once, whatever the number of rows.
 */
export function importCsvLabels(db: CaseDb, path: string, opts: CsvImportOptions): CsvLabelReport {
  const problem = inputFileProblem(path);
  if (problem !== null) throw new CsvLabelError(path, problem);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CsvLabelError(path, `cannot read: ${(err as Error).message}`);
  }
  const records = csvRecords(text);
  const first = records.next();
  if (first.done) throw new CsvLabelError(path, 'the file is empty: expected a header src_ip,src_port,dst_ip,dst_port,proto,label[,first_ts]');
  const columns = csvColumns(path, first.value);

  const bad: { line: number; reason: string }[] = [];
  const byTuple = new Map<string, CsvLabelRow[]>();
  let rows = 0;
  for (const rec of records) {
    rows++;
    if (rec.problem) {
      bad.push({ line: rec.line, reason: rec.problem });
      continue;
    }
    const r = csvLabelRow(rec, columns);
    if ('reason' in r) {
      bad.push(r);
      continue;
    }
    const key = tupleKey(r.proto, r.a, r.b);
    const list = byTuple.get(key);
    if (list) list.push(r);
    else byTuple.set(key, [r]);
  }

  // One pass over the flows: each finds the rows of its 5-tuple.
  const untimed = new Map<CsvLabelRow, number[]>();
  const timed = new Map<CsvLabelRow, { id: number; distance: number }>();
  const tupleSeen = new Set<string>();
  const nearestMiss = new Map<CsvLabelRow, number>();
  const tol = opts.toleranceSeconds;
  const hasIpProto = flowTableColumns(db).has('ip_proto');
  const scan = db.prepare(`SELECT id, ${hasIpProto ? 'ip_proto' : 'NULL AS ip_proto'}, proto, src_ip_key, src_port, dst_ip_key, dst_port, first_ts, last_ts FROM flows`);
  if (byTuple.size > 0) {
    for (const f of scan.iterate() as IterableIterator<FlowKeyRow>) {
      if (!f.src_ip_key || !f.dst_ip_key) continue;
      const proto = f.ip_proto ?? PROTO_NUMBER[f.proto ?? ''] ?? -1;
      const key = tupleKey(proto, `${Buffer.from(f.src_ip_key).toString('hex')}:${f.src_port ?? 0}`, `${Buffer.from(f.dst_ip_key).toString('hex')}:${f.dst_port ?? 0}`);
      const candidates = byTuple.get(key);
      if (!candidates) continue;
      tupleSeen.add(key);
      for (const r of candidates) {
        if (r.firstTs === null) {
          const ids = untimed.get(r);
          if (ids) ids.push(f.id);
          else untimed.set(r, [f.id]);
          continue;
        }
        const distance = Math.abs(f.first_ts - r.firstTs);
        if (r.firstTs >= f.first_ts - tol && r.firstTs <= f.last_ts + tol) {
          const best = timed.get(r);
          if (!best || distance < best.distance || (distance === best.distance && f.id < best.id)) timed.set(r, { id: f.id, distance });
        } else if (distance < (nearestMiss.get(r) ?? Infinity)) {
          nearestMiss.set(r, distance);
        }
      }
    }
  }

  // Rows in file order: a later row's label wins on a flow two rows match.
  const unmatched: { line: number; reason: string }[] = [];
  const conflicts: { line: number; reason: string }[] = [];
  const chosen = new Map<number, { row: CsvLabelRow }>();
  let matchedRows = 0;
  const allRows = [...byTuple.values()].flat().sort((x, y) => x.line - y.line);
  for (const r of allRows) {
    const ids = r.firstTs === null ? untimed.get(r) : timed.has(r) ? [timed.get(r)!.id] : undefined;
    if (!ids) {
      const key = tupleKey(r.proto, r.a, r.b);
      const reason = !tupleSeen.has(key)
        ? `no flow has the 5-tuple ${r.text}`
        : `no flow with ${r.text} spans first_ts ${r.firstTs} ± ${tol} s (the nearest starts ${nearestMiss.get(r)!.toFixed(3)} s away)`;
      unmatched.push({ line: r.line, reason });
      continue;
    }
    matchedRows++;
    for (const id of ids) {
      const earlier = chosen.get(id);
      if (earlier && earlier.row.label !== r.label) {
        conflicts.push({ line: earlier.row.line, reason: `flow ${id} is also matched by line ${r.line}, whose label ${JSON.stringify(r.label)} replaces ${JSON.stringify(earlier.row.label)}` });
      }
      chosen.set(id, { row: r });
    }
  }

  const name = basename(path);
  const entries: LabelEntry[] = [...chosen].sort((x, y) => x[0] - y[0]).map(([flowId, { row }]) => ({ flowId, label: row.label, detail: `${name} line ${row.line}` }));
  const batch = newLabelBatch('csv');
  const changed = entries.length ? applyLabelEntries(db, entries, 'csv', opts.author, batch) : 0;
  bad.sort((x, y) => x.line - y.line);
  conflicts.sort((x, y) => x.line - y.line);
  return {
    batch: changed > 0 ? batch : null,
    rows,
    matchedRows,
    changed,
    matchedFlows: chosen.size,
    unmatched: unmatched.slice(0, LIST_LIMIT),
    bad: bad.slice(0, LIST_LIMIT),
    conflicts: conflicts.slice(0, LIST_LIMIT),
    listLimit: LIST_LIMIT,
    unmatchedCount: unmatched.length,
    badCount: bad.length,
    conflictCount: conflicts.length,
  };
}
