import { openCaseDb } from '../cases/case-db';
import { CsvFileError } from '../fingerprint/csv-file-error';
import { importSessionCsv } from '../fingerprint/import-session-csv';
import type { ColumnMapping } from '../../shared/sessions/csv-columns';
import type { SessionImportResult } from '../../shared/sessions/import';
import { runJob } from './job-worker';

export interface SessionImportJobInput {
  casePath: string;
  file: string;
  /** The name to report, e.g. an upload's original file name. */
  name?: string;
  mapping: ColumnMapping;
  nativeBinding?: string;
  /** Who started the job, for the audit trail; default: the operating-system account. */
  user?: string;
}

// Parsing, classifying and writing a CSV of session records, off the main thread.
runJob<SessionImportJobInput>(async (ctx) => {
  const { casePath, file, name, mapping, nativeBinding, user } = ctx.input;
  const db = openCaseDb(casePath, { nativeBinding });
  try {
    const r: SessionImportResult | null = await importSessionCsv(db, file, {
      mapping,
      name,
      user,
      shouldStop: ctx.cancelled,
      onProgress: (p) => ctx.progress(p.bytes, p.totalBytes, `Importing ${name ?? file}`, { rows: p.rows, rejected: p.rejected }),
    }).catch((err: unknown) => {
      // Only the message crosses back from a worker: keep the details (the file's columns) in it.
      if (err instanceof CsvFileError && err.details.length) throw new Error(`${err.message} (${err.details.join('; ')})`);
      throw err;
    });
    if (!r) return null;
    return { summary: { rows: r.total, normal: r.normal, suspicious: r.suspicious, rejected: r.rejected }, result: r };
  } finally {
    db.close();
  }
});
