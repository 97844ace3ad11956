import { closeSync, openSync, readSync } from 'node:fs';
import type { FlowLogPreset, FlowLogPreview } from '../../shared/domain/flow-log';
import { requireInputFile } from '../input-file';
import { guessDelimiter, splitCsv } from './csv-split';
import { looksLikeCic } from './presets/cic-columns';
import { guessMapping } from './presets/generic-preset';
import { KDD_COLUMNS, looksLikeKdd } from './presets/nslkdd-preset';

export interface LogLayout {
  format: FlowLogPreview['format'];
  delimiter: string;
  columns: string[];
  detected: FlowLogPreset | null;
}

const SNIFF_BYTES = 256 * 1024;

/** The first lines of a file (at most 256 KiB are read; the last, cut line is dropped). */
export function headLines(path: string, max = 20): string[] {
  requireInputFile(path);
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    const text = buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/);
    if (n === SNIFF_BYTES) lines.pop();
    return lines.filter((l) => l.trim() !== '').slice(0, max);
  } finally {
    closeSync(fd);
  }
}

/** CIC-IDS2017 pads its header names with spaces (" Destination Port"). */
export const cleanColumn = (c: string) => c.trim();

/** How a flow log is laid out and which preset it looks like, from its first lines. */
export function sniffLayout(lines: string[]): LogLayout {
  const first = lines[0] ?? '';
  if (first.startsWith('#separator') || lines.some((l) => l.startsWith('#fields'))) {
    const fields = lines.find((l) => l.startsWith('#fields'));
    return { format: 'zeek-tsv', delimiter: '\t', columns: fields ? fields.split('\t').slice(1) : [], detected: 'zeek' };
  }
  if (first.startsWith('{')) {
    let columns: string[] = [];
    try {
      columns = Object.keys(JSON.parse(first) as object);
    } catch {
      // A bad first line: reported by line when importing.
    }
    return { format: 'jsonl', delimiter: '', columns, detected: columns.includes('id.orig_h') ? 'zeek' : null };
  }
  const data = lines.filter((l) => !l.startsWith('@') && !l.startsWith('%'));
  if (data.length && looksLikeKdd(data[0].split(','))) return { format: 'headerless-csv', delimiter: ',', columns: KDD_COLUMNS, detected: 'nslkdd' };
  const delimiter = guessDelimiter(first);
  const columns = splitCsv(first, delimiter).map(cleanColumn);
  return { format: 'csv', delimiter, columns, detected: looksLikeCic(columns) ? 'cic' : null };
}

/** What the import dialog shows: the layout, the first rows and a guessed mapping. */
export function previewLog(path: string): FlowLogPreview {
  const lines = headLines(path, 40);
  const layout = sniffLayout(lines);
  let rows: string[][];
  if (layout.format === 'zeek-tsv') rows = lines.filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
  else if (layout.format === 'jsonl') {
    rows = lines.map((l) => {
      try {
        const o = JSON.parse(l) as Record<string, unknown>;
        return layout.columns.map((c) => (o[c] === undefined || o[c] === null ? '' : String(o[c])));
      } catch {
        return [l];
      }
    });
  } else if (layout.format === 'headerless-csv') rows = lines.filter((l) => !l.startsWith('@') && !l.startsWith('%')).map((l) => l.split(','));
  else {
    rows = [];
    for (const l of lines.slice(1)) {
      try {
        rows.push(splitCsv(l, layout.delimiter));
      } catch {
        rows.push([l]);
      }
    }
  }
  return { path, format: layout.format, detected: layout.detected, columns: layout.columns, rows: rows.slice(0, 10), suggested: guessMapping(layout.columns) };
}
