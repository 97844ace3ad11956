import { resolve } from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import { openCaseDb, openCaseForReading, type CaseDb } from '../cases/case-db';
import { CliError } from './cli-error';

/**
 * Runs a command that lists or changes records a user keeps in a case
 * (bookmarks, notes, labelling rules): a listing reads the case untouched; a
 * change opens it for writing, unless --read-only was given, in which case it
 * is refused before the case is opened.
 */
export function withCaseRecords<T>(path: string, o: { writes: boolean; readOnly: boolean }, fn: (db: CaseDb) => T): T {
  if (o.writes && o.readOnly) throw new CliError('the case is opened read-only (--read-only): adding, editing or removing is refused', 2);
  const db = o.writes ? openCaseDb(resolve(path)) : openCaseForReading(resolve(path));
  try {
    return fn(db);
  } catch (err) {
    // What the store refuses (no such flow, not an address, a bad regex) is the user's input, not a crash.
    if (err instanceof ApiError && (err.code === 'bad_input' || err.code === 'not_found')) throw new CliError(err.message, err.code === 'bad_input' ? 2 : 1);
    throw err;
  } finally {
    db.close();
  }
}
