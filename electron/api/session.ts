import { basename, dirname } from 'node:path';
import type { CaseSummary } from '../../shared/domain/case';
import type { IntegrityReport } from '../../shared/domain/evidence';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { ChooserPurpose } from '../../shared/contract/calls';
import { ApiError } from '../../shared/contract/errors';
import { openCaseDb, type CaseDb } from '../cases/case-db';
import { currentUser } from '../cases/case-user';
import { readMetadata } from '../cases/case-metadata';
import { interruptedImports, listEvidence, markInterruptedImports } from '../cases/evidence-store';
import type { EvidenceFacts } from '../cases/evidence-integrity';
import type { EvidenceVerdict } from '../cases/evidence-guard';
import { flowCount } from '../cases/flow-reader';
import { SCHEMA_VERSION } from '../cases/migrations';
import { visibleOnly } from '../investigate/filter-selection';
import { JobRunner } from '../jobs/job-runner';
import { QueryPool } from '../jobs/query-pool';
import type { VerifyJobInput, VerifyJobResult } from '../jobs/verify-worker';
import { CaptureHub } from './capture-hub';
import type { Logger } from './log';
import { canonicalPath, isInside, PathPolicy } from './path-policy';
import { rememberCase } from './recent-cases';

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** A native file chooser the Electron shell provides; absent in serve mode. */
export type FileChooser = (purpose: ChooserPurpose) => Promise<string[]>;

export interface SessionOptions {
  log: Logger;
  transport: 'ipc' | 'serve';
  version: string;
  /** better-sqlite3 built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
  /** Where the native modules built for Electron's ABI live (cap for live capture). */
  nativeDir?: string;
  chooseFiles?: FileChooser;
  /** Who the audit trail names (default: the OS account). */
  user?: string;
  /** Remember opened cases in the per-user recent list (default true; off for throwaway sessions). */
  rememberRecent?: boolean;
}

interface OpenCase {
  path: string;
  db: CaseDb;
  /** Query workers reading this case off the main thread. */
  queries: QueryPool;
  demo: boolean;
  readOnly: boolean;
  /** Flow counts per scope, cleared when the case changes. */
  counts: Map<string, number>;
  /** Bumped when flows or their labels change: cached results of older versions are not used. */
  version: number;
  /** The last check of the evidence files against their recorded hashes. */
  integrity: IntegrityReport | null;
  /** Its verdicts per file, handed to every reader of the evidence (query workers, exports). */
  verdicts: EvidenceVerdict[];
}

/**
 * The state behind the API: the open case, its reader connection, the running
 * jobs and the event listeners of the transports. Handlers get it as their
 * context; nothing here knows about Electron or HTTP.
 */
export class Session {
  private current: OpenCase | null = null;
  private listeners = new Set<EventSink>();
  /** Which paths the renderer may name (chosen in a dialog, recent, the case folder). */
  readonly paths: PathPolicy;
  /** Finished exports waiting to be downloaded (serve mode), by job id. */
  readonly downloads = new Map<string, { path: string; name: string }>();
  /** Results of finished session imports and trainings, by job id (the UI shows an import's rejected rows). */
  readonly jobResults = new Map<string, unknown>();
  readonly jobs: JobRunner;
  readonly capture: CaptureHub;
  /** Who the audit trail names for what this session changes. */
  readonly user: string;

  constructor(readonly opts: SessionOptions) {
    this.user = opts.user ?? currentUser();
    this.paths = new PathPolicy(opts.transport);
    this.capture = new CaptureHub(this);
    this.jobs = new JobRunner({
      progress: (p) => this.emit('job.progress', p),
      finished: (f, result) => {
        if ((f.kind === 'session-import' || f.kind === 'session-train' || f.kind === 'session-derive') && f.status === 'done') {
          this.jobResults.set(f.jobId, result);
          if (this.jobResults.size > 200) this.jobResults.delete(this.jobResults.keys().next().value!);
          this.emit('case.changed', { reason: 'sessions' });
        }
        this.emit('job.finished', f);
        if ((f.kind === 'ingest' || f.kind === 'flow-import') && f.status === 'done') {
          this.caseChanged();
          this.emit('case.changed', { reason: 'ingested' });
          this.addImportedToReport();
        }
        if (f.kind === 'ingest' && f.status !== 'done') {
          this.caseChanged();
          this.emit('case.changed', { reason: 'evidence' });
        }
        if (f.kind === 'verify' && f.status === 'done') this.acceptVerification(result as VerifyJobResult);
        if (f.kind === 'train' && f.status === 'done') this.emit('case.changed', { reason: 'models' });
        // A cancelled apply clears what it wrote: the flows changed either way.
        if (f.kind === 'predict' && f.status !== 'failed') {
          this.caseChanged();
          this.emit('case.changed', { reason: 'predictions' });
        }
      },
    });
  }

  get log(): Logger {
    return this.opts.log;
  }

  /** Flows or labels changed: counts and cached results are stale. */
  caseChanged(): void {
    if (!this.current) return;
    this.current.counts.clear();
    this.current.version++;
  }

  onEvent(sink: EventSink): () => void {
    this.listeners.add(sink);
    return () => this.listeners.delete(sink);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(event, payload);
  }

  /**
   * Opens a case. Read-write: migrated if needed, imports whose writer died are
   * marked interrupted. Read-only: opened `immutable`, so nothing is written to
   * the file or its folder. Either way the evidence is verified in a job.
   */
  openCase(path: string, opts: { create?: boolean; demo?: boolean; readOnly?: boolean } = {}): CaseSummary {
    if (this.jobs.running().some((j) => j.kind !== 'verify') || this.capture.running) throw new ApiError('conflict', 'a job is running on the open case; wait for it or cancel it first');
    const readOnly = opts.readOnly ?? false;
    const db = openCaseDb(path, { create: opts.create, immutable: readOnly, user: this.user, nativeBinding: this.opts.nativeBinding });
    try {
      if (!readOnly) markInterruptedImports(db, this.user);
    } catch (err) {
      db.close();
      throw err;
    }
    this.closeCase(false);
    const queries = new QueryPool({ casePath: path, readOnly, nativeBinding: this.opts.nativeBinding });
    this.current = { path, db, queries, demo: opts.demo ?? false, readOnly, counts: new Map(), version: 0, integrity: null, verdicts: [] };
    if (!opts.demo && this.opts.rememberRecent !== false) {
      try {
        rememberCase({ path, title: this.summary()!.title, readOnly });
      } catch (err) {
        this.log.log('warn', 'recent.failed', { error: (err as Error).message });
      }
    }
    this.emit('case.changed', { reason: 'opened' });
    this.verifyEvidence();
    return this.summary()!;
  }

  closeCase(announce = true): boolean {
    if (!this.current) return false;
    for (const j of this.jobs.running('verify')) this.jobs.cancel(j.jobId);
    void this.current.queries.close();
    this.current.db.close();
    this.current = null;
    if (announce) this.emit('case.changed', { reason: 'closed' });
    return true;
  }

  /** The open case, or a typed `no_case` error for the renderer. */
  requireCase(): OpenCase {
    if (!this.current) throw new ApiError('no_case', 'no case is open');
    return this.current;
  }

  /** The open case for a call that changes it: `read_only` if it is open read-only. */
  requireWritableCase(): OpenCase {
    const c = this.requireCase();
    if (c.readOnly) throw new ApiError('read_only', `${c.path} is open read-only: nothing in it can be changed`);
    return c;
  }

  get readOnly(): boolean {
    return this.current?.readOnly ?? false;
  }

  get openCasePath(): string | null {
    return this.current?.path ?? null;
  }

  /** Whether a canonical path lies in the open case's folder (its captures, its exports). */
  inCaseFolder(canonical: string): boolean {
    return this.current !== null && isInside(canonical, dirname(canonicalPath(this.current.path)));
  }

  /**
   * Checks the open case's evidence against its recorded hashes, as a job.
   * Returns null when there is nothing to check.
   */
  verifyEvidence(): string | null {
    const c = this.current;
    if (!c) return null;
    const evidence: EvidenceFacts[] = listEvidence(c.db)
      .filter((e) => e.purgedAt === null)
      .map((e) => ({ id: e.id, path: e.path, size: e.size, sha256: e.sha256, mtime: null, status: e.status, removed: e.removedAt !== null }));
    if (evidence.length === 0) {
      c.integrity = { checkedAt: Date.now() / 1000, checks: [], ok: true };
      return null;
    }
    for (const j of this.jobs.running('verify')) this.jobs.cancel(j.jobId);
    return this.jobs.start<VerifyJobInput>('verify', 'verify-worker', { casePath: c.path, evidence }).jobId;
  }

  /** Files just imported were hashed as they were read: the report gains them as checked, without reading them again. */
  private addImportedToReport(): void {
    const c = this.current;
    if (!c?.integrity) return;
    const known = new Set(c.integrity.checks.map((x) => x.evidenceId));
    for (const e of listEvidence(c.db)) {
      if (known.has(e.id) || e.sha256 === null || e.status === 'ingesting') continue;
      c.integrity.checks.push({ evidenceId: e.id, path: e.path, state: 'ok', expectedSha256: e.sha256, actualSha256: e.sha256, expectedSize: e.size, actualSize: e.size, detail: 'hashed while it was imported' });
    }
    this.emit('evidence.verified', c.integrity);
  }

  private acceptVerification(r: VerifyJobResult): void {
    const c = this.current;
    if (!c || r.casePath !== c.path) return;
    const report: IntegrityReport = { checkedAt: Date.now() / 1000, checks: r.checks, ok: r.checks.every((x) => x.state !== 'changed' && x.state !== 'missing') };
    c.integrity = report;
    c.verdicts = r.verdicts;
    // The readers decide by these verdicts from now on, without hashing again.
    void c.queries.runAll('trustEvidence', r.verdicts).catch((err: unknown) => this.log.log('warn', 'verify.seed', { error: (err as Error).message }));
    if (!report.ok) this.log.log('warn', 'evidence.changed', { files: r.checks.filter((x) => x.state === 'changed' || x.state === 'missing').map((x) => x.path) });
    this.emit('evidence.verified', report);
  }

  summary(): CaseSummary | null {
    const c = this.current;
    if (!c) return null;
    const metadata = readMetadata(c.db);
    const evidence = listEvidence(c.db).filter((e) => e.removedAt === null);
    return {
      path: c.path,
      title: metadata.title || basename(c.path).replace(/\.flowsight$/, ''),
      schemaVersion: SCHEMA_VERSION,
      flowCount: flowCount(c.db, visibleOnly(c.db)),
      evidenceCount: evidence.length,
      demo: c.demo,
      readOnly: c.readOnly,
      metadata,
      interruptedImports: interruptedImports(c.db),
    };
  }

  async dispose(): Promise<void> {
    await this.capture.stop();
    await this.jobs.shutdown();
    this.closeCase(false);
  }
}
