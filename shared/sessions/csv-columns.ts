import { z } from 'zod';

/**
 * The seed's CSV columns, the record field each feeds, and the names other
 * files use for them (matched after lower-casing and dropping everything but
 * letters and digits). `Label` is optional: known truth for training.
 */
export const CSV_COLUMNS = [
  { column: 'LoginHour', field: 'loginHour', required: true, aliases: ['hour', 'loginhr', 'logintime', 'login'] },
  { column: 'SessionDuration', field: 'sessionDuration', required: true, aliases: ['duration', 'durationmin', 'durationminutes', 'sessionlength', 'minutes'] },
  { column: 'CommandsCount', field: 'commandsCount', required: true, aliases: ['commands', 'numcommands', 'numberofcommands', 'commandcount', 'cmds'] },
  { column: 'FailedLogins', field: 'failedLogins', required: true, aliases: ['failedlogin', 'failedattempts', 'failedloginattempts', 'loginfailures', 'failures'] },
  { column: 'Protocol', field: 'protocol', required: true, aliases: ['protocolused', 'proto', 'service'] },
  { column: 'TypingSpeed', field: 'typingSpeed', required: true, aliases: ['typingspeedwpm', 'wpm', 'typing', 'speed'] },
  { column: 'Label', field: 'label', required: false, aliases: ['class', 'truth', 'verdict', 'suspicious', 'target'] },
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number]['column'];
export const CsvColumnName = z.enum(CSV_COLUMNS.map((c) => c.column) as [CsvColumn, ...CsvColumn[]]);

/** Which column of the file feeds each of ours; a missing key means "the column of the same name". */
export const ColumnMapping = z.partialRecord(CsvColumnName, z.string().min(1).max(500)).default({});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** For each of our columns, the file's column that looks like it (exact name first, then aliases), or null. */
export function suggestMapping(headers: readonly string[]): Record<CsvColumn, string | null> {
  const byName = new Map(headers.map((h) => [normalise(h), h] as const));
  const out = {} as Record<CsvColumn, string | null>;
  for (const c of CSV_COLUMNS) {
    const names = [c.column, ...c.aliases].map(normalise);
    out[c.column] = names.map((n) => byName.get(n)).find((h) => h !== undefined) ?? null;
  }
  return out;
}

/** Parses `LoginHour=hour,Protocol=proto` (the CLI's --map) into a mapping; throws with the bad part. */
export function parseMappingText(text: string): ColumnMapping {
  const out: ColumnMapping = {};
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) throw new Error(`"${part}": write Column=FileColumn, e.g. LoginHour=hour`);
    const ours = part.slice(0, eq).trim();
    const col = CSV_COLUMNS.find((c) => normalise(c.column) === normalise(ours));
    if (!col) throw new Error(`"${ours}" is not one of ${CSV_COLUMNS.map((c) => c.column).join(', ')}`);
    out[col.column] = part.slice(eq + 1).trim();
  }
  return out;
}
