import type { Writable } from 'node:stream';
import { flowFields, type FlowRecord } from '../../shared/fields';

export type FlowFormat = 'jsonl' | 'csv';

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes flows as JSONL (one object per line) or CSV (header, then rows), honouring backpressure. */
export async function writeFlows(out: Writable, flows: Iterable<FlowRecord>, format: FlowFormat): Promise<number> {
  const names = flowFields.map((f) => f.name);
  const write = (line: string) =>
    out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  if (format === 'csv') await write(`${names.join(',')}\n`);
  let n = 0;
  for (const f of flows) {
    const rec = f as Record<string, string | number | null>;
    await write(format === 'csv' ? `${names.map((k) => csvCell(rec[k])).join(',')}\n` : `${JSON.stringify(f)}\n`);
    n++;
  }
  return n;
}
