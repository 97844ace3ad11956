import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { fieldDefs, type FlowRecord } from '../../shared/fields';
import { labelActivity, labelApp } from '../../shared/labels/label-path';
import type { CaseDb } from '../cases/case-db';
import { selectionSql, type FlowSelection } from '../investigate/flow-selection';
import { csvCell } from '../../shared/format/csv-cell';

export type DatasetFormat = 'csv' | 'jsonl';

/** A labelled flow with the file it came from (for grouped splits: flows of one capture stay together). */
export type DatasetRecord = FlowRecord & { evidence_path: string };

/** Model features: the registry's numeric, capture-independent fields. */
export const datasetFeatures = fieldDefs.filter((f) => f.feature);


/**
 * CSV columns as CICFlowMeter (CIC-IDS2017) writes them, so existing CIC
 * tooling reads the file: Flow ID and the 5-tuple with Timestamp first, then
 * every feature under its CIC name and unit where CIC has it (ours otherwise),
 * and CIC's Label last; before it the label's two levels and the capture file.
 */
const csvHeader = [
  'Flow ID', 'Source IP', 'Source Port', 'Destination IP', 'Destination Port', 'Protocol', 'Timestamp',
  ...datasetFeatures.map((f) => f.cic ?? f.name),
  'Capture', 'App', 'Activity', 'Label',
].map(csvCell).join(',');

function csvLine(r: DatasetRecord): string {
  const label = r.label ?? '';
  const cells: (string | number | null)[] = [
    `${r.src_ip}-${r.dst_ip}-${r.src_port}-${r.dst_port}-${r.ip_proto}`,
    r.src_ip, r.src_port, r.dst_ip, r.dst_port, r.ip_proto,
    r.first_ts === null ? null : new Date(r.first_ts * 1000).toISOString(),
  ];
  for (const f of datasetFeatures) {
    const v = r[f.name as keyof FlowRecord];
    cells.push(f.cic && f.cicScale && typeof v === 'number' ? v * f.cicScale : v);
  }
  cells.push(basename(r.evidence_path), labelApp(label), labelActivity(label), label);
  return cells.map(csvCell).join(',');
}

/** JSONL: our names and units, one object per flow. */
function jsonLine(r: DatasetRecord): string {
  const o: Record<string, unknown> = {
    id: r.id, src_ip: r.src_ip, src_port: r.src_port, dst_ip: r.dst_ip, dst_port: r.dst_port, proto: r.proto, ip_proto: r.ip_proto, first_ts: r.first_ts,
    capture: basename(r.evidence_path),
  };
  for (const f of datasetFeatures) o[f.name] = r[f.name as keyof FlowRecord];
  const label = r.label ?? '';
  o.label = label;
  o.label_app = labelApp(label);
  o.label_activity = labelActivity(label);
  return JSON.stringify(o);
}

/** The labelled flows of a selection in id order, streamed, with their evidence file. */
export function* iterateDataset(db: CaseDb, selection: FlowSelection): IterableIterator<DatasetRecord> {
  const { where, params } = selectionSql(selection);
  const columns = fieldDefs.map((f) => `f.${f.name}`).join(', ');
  yield* db
    .prepare(`SELECT ${columns}, e.path AS evidence_path FROM flows f JOIN evidence e ON e.id = f.evidence_id WHERE (${where}) AND f.label IS NOT NULL ORDER BY f.id`)
    .iterate(...params) as IterableIterator<DatasetRecord>;
}

/** Writes a training set, honouring backpressure; returns the number of flows. */
export async function writeDataset(out: Writable, rows: Iterable<DatasetRecord>, format: DatasetFormat): Promise<number> {
  let buffer = format === 'csv' ? `${csvHeader}\n` : '';
  let n = 0;
  const flush = async () => {
    if (!buffer) return;
    const ok = out.write(buffer);
    buffer = '';
    if (!ok) await new Promise<void>((done) => out.once('drain', () => done()));
  };
  for (const r of rows) {
    buffer += `${format === 'csv' ? csvLine(r) : jsonLine(r)}\n`;
    if (buffer.length > 1 << 16) await flush();
    n++;
  }
  await flush();
  return n;
}
