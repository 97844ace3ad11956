import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { CaseError } from './case-errors';
import { restoreFlowIndexes } from './bulk-indexes';
import { migrations, SCHEMA_VERSION } from './migrations';
import { registerRegexp } from './regexp-function';

export type CaseDb = Database.Database;

export interface OpenCaseOptions {
  /** Create the file if it does not exist. */
  create?: boolean;
  readOnly?: boolean;
  /** Where better-sqlite3's native module lives (Electron's ABI build); default: Node's. */
  nativeBinding?: string;
}

/**
 * Opens (or creates) a case file: WAL so that readers never wait for the one
 * writer, foreign keys on, and the schema migrated forward. A case written by a
 * newer Flowsight is refused rather than misread. Every connection gets the
 * `regexp` function behind display filters' `matches`.
 */
export function openCaseDb(path: string, opts: OpenCaseOptions = {}): CaseDb {
  const exists = existsSync(path);
  if (!exists && !opts.create) throw new CaseError(path, 'not_found', 'no such case file');
  let db: CaseDb;
  try {
    db = new Database(path, {
      readonly: opts.readOnly ?? false,
      fileMustExist: !opts.create,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (err) {
    throw new CaseError(path, 'not_a_case', `cannot open: ${(err as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 10000');
    registerRegexp(db);
    const version = readVersion(db, path);
    if (version > SCHEMA_VERSION) {
      throw new CaseError(path, 'schema_too_new', `this case was written by a newer Flowsight (schema ${version}; this version reads up to ${SCHEMA_VERSION}). Update Flowsight to open it.`);
    }
    if (!opts.readOnly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db, version);
      // An import that died before building its indexes left them parked.
      restoreFlowIndexes(db);
    } else if (version < SCHEMA_VERSION) {
      throw new CaseError(path, 'read_only', `this case needs a schema upgrade (${version} → ${SCHEMA_VERSION}), which read-only mode cannot do`);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function readVersion(db: CaseDb, path: string): number {
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) throw new CaseError(path, 'not_a_case', 'this SQLite file is not a Flowsight case');
    }
    return version;
  } catch (err) {
    if (err instanceof CaseError) throw err;
    throw new CaseError(path, 'not_a_case', `not a Flowsight case: ${(err as Error).message}`);
  }
}

function migrate(db: CaseDb, from: number): void {
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      if (m.version === 1) {
        db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('created_at', new Date().toISOString());
      }
    })();
  }
}

export function caseMeta(db: CaseDb, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setCaseMeta(db: CaseDb, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
