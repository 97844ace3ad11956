import { z } from 'zod';
import { CsvColumnName } from './csv-columns';

/** A CSV row that was not imported: its physical line (1 = the header) and why. */
export const CsvRowError = z.object({ line: z.number().int().positive(), reason: z.string() });
export type CsvRowError = z.infer<typeof CsvRowError>;

/** Rejected rows beyond this many are counted but not listed. */
export const MAX_LISTED_ROW_ERRORS = 1000;

export const SessionImportResult = z.object({
  importId: z.number().int().positive(),
  file: z.string(),
  /** Rows imported and classified. */
  total: z.number().int().nonnegative(),
  normal: z.number().int().nonnegative(),
  suspicious: z.number().int().nonnegative(),
  /** Imported rows that carry a Label (usable for training). */
  labelled: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  errors: z.array(CsvRowError),
  /** More rows were rejected than `errors` lists. */
  errorsTruncated: z.boolean(),
  classifier: z.string(),
});
export type SessionImportResult = z.infer<typeof SessionImportResult>;

/** What the import dialog shows before importing: the file's columns, a guess at the mapping, the first rows. */
export const CsvPreview = z.object({
  headers: z.array(z.string()),
  delimiter: z.string(),
  suggested: z.record(CsvColumnName, z.string().nullable()),
  rows: z.array(z.array(z.string())),
});
export type CsvPreview = z.infer<typeof CsvPreview>;
