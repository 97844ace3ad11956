import { resolve } from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import { openCaseDb, openCaseForReading, type CaseDb } from '../cases/case-db';
import { CliError } from './cli-error';

/**
 * Runs a bookmarks/notes command on its case: a listing reads the case
 * untouched; a change opens it for writing, unless --read-only was given,
 * in which case it is refused before the case is opened.
 */
export function withAnnotatedCase<T>(path: string, o: { writes: boolean; readOnly: boolean }, fn: (db: CaseDb) => T): T {
  if (o.writes && o.readOnly) throw new CliError('the case is opened read-only (--read-only): adding, editing or removing is refused', 2);
  const db = o.writes ? openCaseDb(resolve(path)) : openCaseForReading(resolve(path));
  try {
    return fn(db);
  } catch (err) {
    // A target the store refuses (no such flow, not an address) is the user's input, not a crash.
    if (err instanceof ApiError && (err.code === 'bad_input' || err.code === 'not_found')) throw new CliError(err.message, err.code === 'bad_input' ? 2 : 1);
    throw err;
  } finally {
    db.close();
  }
}

export function formatOption(format: string): 'text' | 'jsonl' {
  if (format !== 'text' && format !== 'jsonl') throw new CliError(`--format must be text or jsonl, not ${JSON.stringify(format)}`, 2);
  return format;
}

export const isoTime = (seconds: number) => new Date(seconds * 1000).toISOString();
