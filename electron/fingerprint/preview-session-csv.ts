import { createReadStream } from 'node:fs';
import { statInputFile } from '../input-file';
import { basename } from 'node:path';
import { suggestMapping } from '../../shared/sessions/csv-columns';
import type { CsvPreview } from '../../shared/sessions/import';
import { CsvFileError } from './csv-file-error';
import { csvLines } from './csv-lines';
import { csvRecords } from './csv-records';

/** The header, the separator, a guess at the column mapping and the first rows: what the import dialog shows. */
export async function previewSessionCsv(path: string, rows = 5, name = basename(path)): Promise<CsvPreview> {
  const f = statInputFile(path);
  if (f.problem !== null) throw new CsvFileError(name, f.problem);
  if (f.stats.size === 0) throw new CsvFileError(name, 'the file is empty');
  let delimiter = ',';
  let headers: string[] | null = null;
  const sample: string[][] = [];
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    for await (const rec of csvRecords(csvLines(name, stream), (d) => (delimiter = d))) {
      if (!headers) {
        if (rec.fields === null) throw new CsvFileError(name, `the header (line ${rec.line}) cannot be read: ${rec.error}`);
        headers = rec.fields.map((h) => h.trim());
        continue;
      }
      if (rec.fields) sample.push(rec.fields);
      if (sample.length >= rows) break;
    }
  } finally {
    stream.destroy();
  }
  if (!headers) throw new CsvFileError(name, 'the file is empty (no header line)');
  return { headers, delimiter, suggested: suggestMapping(headers), rows: sample };
}
