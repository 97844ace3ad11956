import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { RowView } from './flow-draft';
import { splitCsv } from './csv-split';
import { cleanColumn, type LogLayout } from './log-layout';
import { RowError } from './row-error';

export type LogRecord = { line: number; get: RowView; error?: undefined } | { line: number; error: RowError; get?: undefined };

/**
 * The records of a flow log, one line at a time (a line of the file is never
 * held longer than it takes to map it), with their line numbers. Header and
 * comment lines are skipped: Zeek's `#` lines (whose `#fields` names the
 * columns), ARFF's `@` lines, and copies of the CSV header inside the file
 * (some CSE-CIC-IDS2018 files repeat it). `consumed()` is the bytes read so far.
 */
export async function* logRecords(path: string, layout: LogLayout, meter: { read: number } = { read: 0 }): AsyncGenerator<LogRecord> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let columns = layout.columns;
  let index = new Map(columns.map((c, i) => [c, i]));
  let line = 0;
  let headerSeen = layout.format === 'zeek-tsv' || layout.format === 'jsonl' || layout.format === 'headerless-csv';
  let headerText = '';
  try {
    for await (let text of lines) {
      line++;
      meter.read = stream.bytesRead;
      if (line === 1) text = text.replace(/^\uFEFF/, '');
      if (text.trim() === '') continue;
      if (layout.format === 'zeek-tsv') {
        if (text.startsWith('#')) {
          if (text.startsWith('#fields\t')) {
            columns = text.split('\t').slice(1);
            index = new Map(columns.map((c, i) => [c, i]));
          }
          continue;
        }
        yield fieldsRecord(line, text.split('\t'), columns, index);
        continue;
      }
      if (layout.format === 'jsonl') {
        let o: Record<string, unknown>;
        try {
          o = JSON.parse(text) as Record<string, unknown>;
          if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new Error('not an object');
        } catch {
          yield { line, error: new RowError('syntax', 'not a JSON object') };
          continue;
        }
        yield { line, get: (c) => jsonValue(o[c]) };
        continue;
      }
      if (layout.format === 'headerless-csv') {
        if (text.startsWith('@') || text.startsWith('%')) continue;
        yield fieldsRecord(line, text.split(','), columns, index, true);
        continue;
      }
      if (!headerSeen) {
        headerSeen = true;
        headerText = text;
        continue;
      }
      if (text === headerText) continue;
      let fields: string[];
      try {
        fields = splitCsv(text, layout.delimiter);
      } catch (err) {
        yield { line, error: err as RowError };
        continue;
      }
      yield fieldsRecord(line, fields, columns, index);
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

function fieldsRecord(line: number, fields: string[], columns: string[], index: Map<string, number>, lenient = false): LogRecord {
  // KDD files come with and without NSL-KDD's difficulty column.
  if (lenient ? fields.length < columns.length - 1 || fields.length > columns.length : fields.length !== columns.length) {
    return { line, error: new RowError('columns', `${fields.length} fields where the header has ${columns.length}`) };
  }
  return { line, get: (c) => {
    const i = index.get(c) ?? index.get(cleanColumn(c));
    return i === undefined ? undefined : fields[i];
  } };
}

function jsonValue(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.join(',');
  return String(v);
}
