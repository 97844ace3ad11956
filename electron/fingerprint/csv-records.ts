import type { CsvLine } from './csv-lines';

/** One CSV record (a row): the line it starts on and its fields, or why it could not be split. */
export type CsvRecord = { line: number; fields: string[] } | { line: number; fields: null; error: string };

const CANDIDATES = [',', ';', '\t'] as const;

/** The header's separator: whichever of comma, semicolon and tab occurs most outside quotes (comma on a tie). */
export function detectDelimiter(header: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

interface OpenRecord {
  line: number;
  fields: string[];
  field: string;
}

/**
 * RFC 4180 records over physical lines: fields in double quotes may hold the
 * separator, doubled quotes and line breaks; blank lines are skipped. A quote
 * inside an unquoted field is kept as text (spreadsheets write such files).
 */
export async function* csvRecords(lines: AsyncIterable<CsvLine>, onDelimiter?: (d: string) => void): AsyncGenerator<CsvRecord> {
  let delimiter: string | null = null;
  // A record whose quoted field runs on to the next line.
  let open: OpenRecord | null = null;

  for await (const l of lines) {
    if (l.text === null) {
      if (open) {
        yield { line: open.line, fields: null, error: `a quoted field runs into line ${l.line}, which is ${l.error}` };
        open = null;
      } else {
        yield { line: l.line, fields: null, error: l.error };
      }
      continue;
    }
    if (!open && l.text.trim() === '') continue;
    if (delimiter === null) {
      delimiter = detectDelimiter(l.text);
      onDelimiter?.(delimiter);
    }
    const line: number = open === null ? l.line : (open as OpenRecord).line;
    const r = splitLine(l.text, delimiter, open);
    if (r.kind === 'open') {
      open = { line, fields: r.fields, field: r.field };
    } else {
      open = null;
      yield r.kind === 'done' ? { line, fields: r.fields } : { line, fields: null, error: r.error };
    }
  }
  if (open) yield { line: open.line, fields: null, error: 'a quoted field is never closed' };
}

type Split = { kind: 'done'; fields: string[] } | { kind: 'open'; fields: string[]; field: string } | { kind: 'error'; error: string };

function splitLine(text: string, d: string, cont: { fields: string[]; field: string } | null): Split {
  const fields = cont ? cont.fields : [];
  let field = cont ? `${cont.field}\n` : '';
  let quoted = cont !== null;
  let afterQuote = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
      } else field += ch;
    } else if (ch === d) {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (afterQuote) {
      if (ch !== ' ' && ch !== '\t') return { kind: 'error', error: `unexpected ${JSON.stringify(ch)} after a closing quote at column ${i + 1}` };
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else field += ch;
    i++;
  }
  if (quoted) return { kind: 'open', fields, field };
  fields.push(field);
  return { kind: 'done', fields };
}
