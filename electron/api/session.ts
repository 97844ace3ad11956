import { basename } from 'node:path';
import type { CaseSummary } from '../../shared/domain/case';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { ChooserPurpose } from '../../shared/contract/calls';
import { ApiError } from '../../shared/contract/errors';
import { caseMeta, openCaseDb, type CaseDb } from '../cases/case-db';
import { listEvidence } from '../cases/evidence-store';
import { flowCount } from '../cases/flow-reader';
import { SCHEMA_VERSION } from '../cases/migrations';
import { JobRunner } from '../jobs/job-runner';
import { QueryPool } from '../jobs/query-pool';
import { CaptureHub } from './capture-hub';
import type { Logger } from './log';

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
}

/**
 * The state behind the API: the open case, its reader connection, the running
 * jobs and the event listeners of the transports. Handlers get it as their
 * context; nothing here knows about Electron or HTTP.
 */
export class Session {
  private current: OpenCase | null = null;
  private listeners = new Set<EventSink>();
  /** Paths the user picked in a native dialog: the only paths a renderer may ask to write. */
  readonly chosenPaths = new Set<string>();
  /** Finished exports waiting to be downloaded (serve mode), by job id. */
  readonly downloads = new Map<string, { path: string; name: string }>();
  /** Results of finished session imports and trainings, by job id (the UI shows an import's rejected rows). */
  readonly jobResults = new Map<string, unknown>();
  readonly jobs: JobRunner;
  readonly capture: CaptureHub;

  constructor(readonly opts: SessionOptions) {
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
        }
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

  openCase(path: string, opts: { create?: boolean; demo?: boolean; readOnly?: boolean } = {}): CaseSummary {
    if (this.jobs.running().length > 0 || this.capture.running) throw new ApiError('conflict', 'a job is running on the open case; wait for it or cancel it first');
    const db = openCaseDb(path, { create: opts.create, readOnly: opts.readOnly, nativeBinding: this.opts.nativeBinding });
    this.closeCase(false);
    const queries = new QueryPool({ casePath: path, readOnly: opts.readOnly ?? false, nativeBinding: this.opts.nativeBinding });
    this.current = { path, db, queries, demo: opts.demo ?? false, readOnly: opts.readOnly ?? false, counts: new Map(), version: 0 };
    this.emit('case.changed', { reason: 'opened' });
    return this.summary()!;
  }

  closeCase(announce = true): boolean {
    if (!this.current) return false;
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

  get openCasePath(): string | null {
    return this.current?.path ?? null;
  }

  summary(): CaseSummary | null {
    const c = this.current;
    if (!c) return null;
    return {
      path: c.path,
      title: caseMeta(c.db, 'title') ?? basename(c.path).replace(/\.flowsight$/, ''),
      schemaVersion: SCHEMA_VERSION,
      flowCount: flowCount(c.db),
      evidenceCount: listEvidence(c.db).length,
      demo: c.demo,
      readOnly: c.readOnly,
    };
  }

  async dispose(): Promise<void> {
    await this.capture.stop();
    await this.jobs.shutdown();
    this.closeCase(false);
  }
}
