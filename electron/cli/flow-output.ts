import type { Writable } from 'node:stream';
import { fieldDefs, type FlowRecord } from '../../shared/fields';
import { csvCell } from '../../shared/format/csv-cell';

export type FlowFormat = 'jsonl' | 'csv';


/**
 * CSV columns: CICFlowMeter's (CIC-IDS2017) name and unit wherever the feature
 * exists there, so existing CIC tooling reads our exports; our own name otherwise.
 */
export const csvColumns = fieldDefs.map((f) => ({ name: f.name, header: f.cic ?? f.name, scale: f.cic ? (f.cicScale ?? 1) : 1 }));

export function csvHeader(): string {
  return csvColumns.map((c) => csvCell(c.header)).join(',');
}

export function csvRow(rec: Record<string, string | number | null>): string {
  return csvColumns.map((c) => {
    const v = rec[c.name];
    return csvCell(c.scale !== 1 && typeof v === 'number' ? v * c.scale : v);
  }).join(',');
}

/** Writes flows as JSONL (one object per line, our names and units) or CSV, honouring backpressure. */
export async function writeFlows(out: Writable, flows: Iterable<FlowRecord>, format: FlowFormat): Promise<number> {
  let buffer = format === 'csv' ? `${csvHeader()}\n` : '';
  let n = 0;
  const flush = async () => {
    if (!buffer) return;
    const ok = out.write(buffer);
    buffer = '';
    if (!ok) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  for (const f of flows) {
    buffer += format === 'csv' ? `${csvRow(f as Record<string, string | number | null>)}\n` : `${JSON.stringify(f)}\n`;
    if (buffer.length > 1 << 16) await flush();
    n++;
  }
  await flush();
  return n;
}
