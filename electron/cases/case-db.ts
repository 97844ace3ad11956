import Database from 'better-sqlite3';
import { statSync, type Stats } from 'node:fs';
import { nonRegularKind } from '../input-file';
import { pathToFileURL } from 'node:url';
import { appendAudit, hasAuditTrail } from './audit-log';
import { CaseError } from './case-errors';
import { currentUser } from './case-user';
import { restoreFlowIndexes } from './bulk-indexes';
import { migrations, SCHEMA_VERSION } from './migrations';
import { registerRegexp } from './regexp-function';

// Untouched (read-only) opens need SQLite's `immutable` URI parameter, and
// better-sqlite3 reads this switch once, when its addon first loads: this module
// is imported before any case is opened, in the main thread, whose environment
// the workers' SQLite shares.
process.env.SQLITE_USE_URI ??= '1';

export type CaseDb = Database.Database;

export interface OpenCaseOptions {
  /** Create the file if it does not exist. */
  create?: boolean;
  readOnly?: boolean;
  /**
   * Read-only and untouched: nothing is written to the case file or its folder
   * (no -wal/-shm files, no migration). Refused for a case that needs a schema
   * upgrade or that has a write-ahead log (open elsewhere, or not closed cleanly).
   */
  immutable?: boolean;
  /** Who opens it, for the audit entry of a creation or migration (default: the OS account). */
  user?: string;
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
  let st: Stats | undefined;
  try {
    st = statSync(path, { throwIfNoEntry: false });
  } catch (err) {
    throw new CaseError(path, 'not_a_case', `cannot open: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const exists = st !== undefined;
  if (!exists && !opts.create) throw new CaseError(path, 'not_found', 'no such case file');
  // SQLite would wait forever on a named pipe, and call a directory a disk I/O error.
  const kind = st ? nonRegularKind(st) : null;
  if (kind !== null) throw new CaseError(path, 'not_a_case', `not a case file: it is ${kind}`);
  if (opts.immutable) refuseWriteAheadLog(path);
  let db: CaseDb;
  try {
    // `immutable`: SQLite neither locks nor creates -shm/-wal files; the file is only read.
    db = new Database(opts.immutable ? `${pathToFileURL(path).href}?immutable=1` : path, {
      readonly: (opts.readOnly ?? false) || (opts.immutable ?? false),
      fileMustExist: !opts.create || opts.immutable === true,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (err) {
    throw new CaseError(path, 'not_a_case', `cannot open: ${(err as Error).message}`);
  }
  try {
    // A new case gets 16 KB pages (before its first page is written; an existing
    // case keeps its own): a flow row is ~1.2 KB, and with 4 KB pages an import
    // spent ~17% more writer CPU and index builds ~30% more on page handling.
    if (!exists && !opts.readOnly && !opts.immutable) db.pragma('page_size = 16384');
    db.pragma('busy_timeout = 10000');
    registerRegexp(db);
    const version = readVersion(db, path);
    if (version > SCHEMA_VERSION) {
      throw new CaseError(path, 'schema_too_new', `this case was written by a newer Flowsight (schema ${version}; this version reads up to ${SCHEMA_VERSION}). Update Flowsight to open it.`);
    }
    if (!opts.readOnly && !opts.immutable) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db, version, opts.user ?? currentUser());
      // An import that died before building its indexes left them parked.
      restoreFlowIndexes(db);
    } else if (version < SCHEMA_VERSION) {
      throw new CaseError(path, 'needs_upgrade', `this case needs a schema upgrade (${version} → ${SCHEMA_VERSION}), which a read-only open cannot do: open it read-write once (or a copy of it)`);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * For commands that only read (verify, audit): untouched (immutable) when the
 * case is closed; a plain read-only connection when another Flowsight has it
 * open, so the changes still in its write-ahead log are seen, not refused.
 */
export function openCaseForReading(path: string): CaseDb {
  return openCaseDb(path, hasWriteAheadLog(path) ? { readOnly: true } : { immutable: true });
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

/** A -wal file with content holds committed changes an immutable open would not see (or a writer is active). */
function hasWriteAheadLog(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0;
  } catch {
    return false;
  }
}

function refuseWriteAheadLog(path: string): void {
  if (hasWriteAheadLog(path)) {
    throw new CaseError(path, 'in_use', 'the case has a write-ahead log: it is open in another Flowsight (or was not closed cleanly). Close it there, or open it read-write once, then open it read-only');
  }
}

/**
 * Runs the migrations after `from`, each in an IMMEDIATE transaction that
 * re-reads the version: another process opening the same case at the same
 * moment migrates it once, not twice. The audit trail records who upgraded it.
 */
function migrate(db: CaseDb, from: number, user: string): void {
  if (from >= SCHEMA_VERSION) return;
  const ran: string[] = [];
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      if (m.version === 1) {
        db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('created_at', new Date().toISOString());
      }
      ran.push(`${m.version}: ${m.name}`);
    }).immediate();
  }
  if (ran.length === 0 || !hasAuditTrail(db)) return;
  db.transaction(() => appendAudit(db, from === 0 ? { user, action: 'case.create', params: { schema: SCHEMA_VERSION } } : { user, action: 'case.migrate', params: { from, to: SCHEMA_VERSION, migrations: ran } })).immediate();
}

export function caseMeta(db: CaseDb, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setCaseMeta(db: CaseDb, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
