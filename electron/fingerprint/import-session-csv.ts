import { createReadStream } from 'node:fs';
import { statInputFile } from '../input-file';
import { basename } from 'node:path';
import type { ColumnMapping } from '../../shared/sessions/csv-columns';
import { MAX_LISTED_ROW_ERRORS, type CsvRowError, type SessionImportResult } from '../../shared/sessions/import';
import { audited } from '../cases/audit-log';
import type { CaseDb } from '../cases/case-db';
import { currentUser } from '../cases/case-user';
import { beginImport, dropImport, finishImport, SessionRecordWriter, type NewSessionRecord } from '../cases/session-store';
import { activeClassifier } from './active-classifier';
import { CsvFileError } from './csv-file-error';
import { csvLines } from './csv-lines';
import { csvRecords } from './csv-records';
import { resolveColumns, sessionRow, type ColumnIndexes } from './csv-session-rows';

export interface ImportProgress {
  bytes: number;
  totalBytes: number;
  rows: number;
  rejected: number;
}

export interface ImportOptions {
  mapping?: ColumnMapping;
  /** The name to report (an upload's original file name); default: the file's. */
  name?: string;
  shouldStop?: () => boolean;
  onProgress?: (p: ImportProgress) => void;
  /** Who imports, for the audit trail; default: the operating-system account. */
  user?: string;
}

const BATCH = 5000;

/**
 * Imports a session CSV into the case and classifies every good row with the
 * case's classifier, streaming: one batch of rows in memory at a time, each
 * batch one transaction. Bad rows are listed by line and reason and the rest
 * are kept; a file that cannot be imported at all (empty, wrong encoding,
 * missing columns) throws CsvFileError before anything is written. Cancelling
 * removes what this import wrote and returns null. The finished import is
 * audited as `session.import` (an import that never finishes leaves nothing).
 */
export async function importSessionCsv(db: CaseDb, path: string, opts: ImportOptions = {}): Promise<SessionImportResult | null> {
  const name = opts.name ?? basename(path);
  const f = statInputFile(path);
  if (f.problem !== null) throw new CsvFileError(name, f.problem);
  const totalBytes = f.stats.size;
  if (totalBytes === 0) throw new CsvFileError(name, 'the file is empty');
  const classifier = activeClassifier(db);
  const writer = new SessionRecordWriter(db);
  let bytes = 0;
  const records = csvRecords(csvLines(name, createReadStream(path, { highWaterMark: 256 * 1024 }), (b) => (bytes = b)));

  let header: { width: number; indexes: ColumnIndexes } | null = null;
  let importId = 0;
  let usedMapping: Record<string, string> = {};
  const errors: CsvRowError[] = [];
  let rejected = 0;
  let total = 0;
  let normal = 0;
  let labelled = 0;
  let batch: NewSessionRecord[] = [];

  const flush = () => {
    const at = Date.now() / 1000;
    db.transaction(() => {
      for (const r of batch) {
        const v = classifier.classify(r);
        writer.add(r, v, at);
        if (v.prediction === 'Normal') normal++;
      }
    })();
    total += batch.length;
    batch = [];
    opts.onProgress?.({ bytes, totalBytes, rows: total, rejected });
  };
  const reject = (line: number, reason: string) => {
    rejected++;
    if (errors.length < MAX_LISTED_ROW_ERRORS) errors.push({ line, reason });
  };

  try {
    for await (const rec of records) {
      if (!header) {
        if (rec.fields === null) throw new CsvFileError(name, `the header (line ${rec.line}) cannot be read: ${rec.error}`);
        const { indexes, used } = resolveColumns(name, rec.fields, opts.mapping ?? {});
        header = { width: rec.fields.length, indexes };
        usedMapping = used;
        importId = beginImport(db, name, used, Date.now() / 1000);
        continue;
      }
      if (rec.fields === null) {
        reject(rec.line, rec.error);
        continue;
      }
      const row = sessionRow(rec.fields, header.width, header.indexes);
      if (!row.ok) {
        reject(rec.line, row.reason);
        continue;
      }
      if (row.label) labelled++;
      batch.push({ ...row.attributes, label: row.label, source: 'csv', importId, line: rec.line });
      if (batch.length >= BATCH) {
        if (opts.shouldStop?.()) {
          dropImport(db, importId);
          return null;
        }
        flush();
      }
    }
    if (!header) throw new CsvFileError(name, 'the file is empty (no header line)');
    if (opts.shouldStop?.()) {
      dropImport(db, importId);
      return null;
    }
    if (batch.length) flush();
    const done = { importId, file: name, rows: total, normal, labelled, rejected };
    audited(db, { user: opts.user ?? currentUser(), action: 'session.import', params: { ...done, mapping: usedMapping, classifier: classifier.id } }, () => finishImport(db, importId, total, rejected, errors));
    opts.onProgress?.({ bytes: totalBytes, totalBytes, rows: total, rejected });
    return { importId, file: name, total, normal, suspicious: total - normal, labelled, rejected, errors, errorsTruncated: rejected > errors.length, classifier: classifier.id };
  } catch (err) {
    if (importId) dropImport(db, importId);
    throw err;
  }
}
