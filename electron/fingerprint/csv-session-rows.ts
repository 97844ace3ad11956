import { CSV_COLUMNS, suggestMapping, type ColumnMapping, type CsvColumn } from '../../shared/sessions/csv-columns';
import { parseProtocol, SESSION_PROTOCOLS, type SessionAttributes, type SessionVerdict } from '../../shared/sessions/record';
import { CsvFileError } from './csv-file-error';

/** Where each of our columns sits in the file's rows (null: absent, allowed only for Label). */
export type ColumnIndexes = Record<CsvColumn, number | null>;

/**
 * Resolves the mapping against the header: an explicit mapping names the
 * file's column; otherwise the column of the same name, or one of its aliases,
 * is used. Missing required columns stop the import before any row is read.
 */
export function resolveColumns(file: string, header: string[], mapping: ColumnMapping): { indexes: ColumnIndexes; used: Record<string, string> } {
  const names = header.map((h) => h.trim());
  const seen = new Set<string>();
  for (const n of names) {
    if (n !== '' && seen.has(n)) throw new CsvFileError(file, `the header names the column "${n}" twice`);
    seen.add(n);
  }
  const guess = suggestMapping(names);
  const indexes = {} as ColumnIndexes;
  const used: Record<string, string> = {};
  const missing: string[] = [];
  for (const c of CSV_COLUMNS) {
    const wanted = mapping[c.column];
    if (wanted !== undefined) {
      const at = names.indexOf(wanted.trim());
      if (at === -1) throw new CsvFileError(file, `${c.column} is mapped to "${wanted}", but the file has no such column`, [`the file's columns: ${names.join(', ')}`]);
      indexes[c.column] = at;
      used[c.column] = names[at];
      continue;
    }
    const g = guess[c.column];
    indexes[c.column] = g === null ? null : names.indexOf(g);
    if (g !== null) used[c.column] = g;
    else if (c.required) missing.push(c.column);
  }
  if (missing.length) {
    throw new CsvFileError(file, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, [
      `the file's columns: ${names.join(', ') || '(none)'}`,
      'map other column names in the import dialog or with --map, e.g. --map LoginHour=hour',
    ]);
  }
  return { indexes, used };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function number(column: string, text: string, whole: boolean): Parsed<number> {
  const t = text.trim();
  if (t === '') return { ok: false, error: `${column} is empty` };
  if (!NUMBER.test(t)) return { ok: false, error: `${column}: ${JSON.stringify(t)} is not a number` };
  const v = Number(t);
  if (!Number.isFinite(v)) return { ok: false, error: `${column}: ${t} is too large` };
  if (v < 0) return { ok: false, error: `${column}: ${t} is negative` };
  if (whole && !Number.isInteger(v)) return { ok: false, error: `${column}: ${t} is not a whole number` };
  return { ok: true, value: v };
}

/** An hour 0–23, or a clock time HH:MM whose hour is taken. */
function hour(text: string): Parsed<number> {
  const t = text.trim();
  const clock = /^(\d{1,2}):([0-5]\d)(:[0-5]\d)?$/.exec(t);
  const v = clock ? ({ ok: true, value: Number(clock[1]) } as const) : number('LoginHour', t, true);
  if (v.ok && v.value > 23) return { ok: false, error: `LoginHour: ${t} is not an hour 0–23` };
  return v;
}

function label(text: string): Parsed<SessionVerdict | null> {
  const t = text.trim().toLowerCase();
  if (t === '') return { ok: true, value: null };
  if (t === 'normal' || t === '0') return { ok: true, value: 'Normal' };
  if (t === 'suspicious' || t === '1') return { ok: true, value: 'Suspicious' };
  return { ok: false, error: `Label: ${JSON.stringify(text.trim())} is not Normal, Suspicious, 0 or 1` };
}

export type SessionRow = { ok: true; attributes: SessionAttributes; label: SessionVerdict | null } | { ok: false; reason: string };

/** One data row as a record, or every reason it is not one (joined with "; "). */
export function sessionRow(fields: string[], width: number, at: ColumnIndexes): SessionRow {
  if (fields.length !== width) return { ok: false, reason: `has ${fields.length} field${fields.length === 1 ? '' : 's'}, the header has ${width}` };
  const get = (c: CsvColumn) => fields[at[c]!];
  const errors: string[] = [];
  const take = <T,>(p: Parsed<T>): T | undefined => {
    if (p.ok) return p.value;
    errors.push(p.error);
    return undefined;
  };
  const loginHour = take(hour(get('LoginHour')));
  const sessionDuration = take(number('SessionDuration', get('SessionDuration'), false));
  const commandsCount = take(number('CommandsCount', get('CommandsCount'), true));
  const failedLogins = take(number('FailedLogins', get('FailedLogins'), true));
  const protoText = get('Protocol');
  const protocol = parseProtocol(protoText);
  if (protocol === null) errors.push(protoText.trim() === '' ? 'Protocol is empty' : `Protocol: ${JSON.stringify(protoText.trim())} is not one of ${SESSION_PROTOCOLS.join(', ')}`);
  const typingSpeed = take(number('TypingSpeed', get('TypingSpeed'), false));
  const known = at.Label === null ? null : take(label(get('Label')));
  if (errors.length) return { ok: false, reason: errors.join('; ') };
  return {
    ok: true,
    attributes: { loginHour: loginHour!, sessionDuration: sessionDuration!, commandsCount: commandsCount!, failedLogins: failedLogins!, protocol: protocol!, typingSpeed: typingSpeed! },
    label: known ?? null,
  };
}
