import type { Worker } from 'node:worker_threads';
import type { JobFinished, JobInfo, JobKind, JobProgress } from '../../shared/domain/job';
import type { JobMessage, JobStart } from './job-protocol';
import { startWorker } from './worker-script';
import { boundHeapGrowth, workerResourceLimits } from './worker-heap';

export interface JobEvents {
  progress(p: JobProgress): void;
  finished(f: JobFinished, result: unknown): void;
}

interface RunningJob {
  info: JobInfo;
  worker: Worker | null;
  cancelFlag: Int32Array;
  done: Promise<JobFinished>;
}

const PROGRESS_INTERVAL_MS = 100;
const KEEP_FINISHED = 200;

/**
 * Runs long work in worker threads: one worker per job, progress throttled to
 * 10 updates/s, cancellation through a shared flag the worker polls between
 * chunks (so it stops even while busy), and a typed end: done, cancelled or failed.
 */
export class JobRunner {
  private next = 1;
  private jobs = new Map<string, RunningJob>();

  constructor(private readonly events: JobEvents) {
    boundHeapGrowth();
  }

  start<I>(kind: JobKind, workerName: string, input: I): { jobId: string; done: Promise<JobFinished> } {
    const jobId = `job-${this.next++}`;
    const cancel = new SharedArrayBuffer(4);
    const cancelFlag = new Int32Array(cancel);
    const resourceLimits = workerResourceLimits(kind);
    const worker = startWorker(workerName, { workerData: { kind, input, cancel } satisfies JobStart<I>, ...(resourceLimits ? { resourceLimits } : {}) });
    const info: JobInfo = { jobId, kind, status: 'running', progress: null };
    let lastProgress = 0;
    let result: unknown;
    const done = new Promise<JobFinished>((resolve) => {
      let finished: JobFinished | null = null;
      const end = (f: JobFinished) => {
        if (finished) return;
        finished = f;
        info.status = f.status;
        this.events.finished(f, result);
        resolve(f);
      };
      worker.on('message', (m: JobMessage) => {
        if (m.type === 'progress') {
          const now = Date.now();
          const p: JobProgress = { jobId, kind, done: m.done, total: m.total, message: m.message, counters: m.counters };
          info.progress = p;
          if (now - lastProgress >= PROGRESS_INTERVAL_MS || m.done >= m.total) {
            lastProgress = now;
            this.events.progress(p);
          }
        } else if (m.type === 'done') {
          result = m.result;
          end({ jobId, kind, status: 'done', summary: m.summary });
        } else if (m.type === 'cancelled') {
          end({ jobId, kind, status: 'cancelled', summary: {} });
        } else {
          end({ jobId, kind, status: 'failed', error: m.error, summary: {} });
        }
      });
      worker.on('error', (err) => end({ jobId, kind, status: 'failed', error: err.message, summary: {} }));
      worker.on('exit', (code) => {
        end({ jobId, kind, status: 'failed', error: `the worker exited unexpectedly (code ${code})`, summary: {} });
        this.forgetOldJobs();
      });
    });
    this.jobs.set(jobId, { info, worker, cancelFlag, done });
    return { jobId, done };
  }

  /**
   * A job that runs elsewhere (a process of its own, like a live capture): it
   * is listed and reported like the others, and cancelled through `onCancel`.
   */
  external(kind: JobKind, onCancel: () => void): { jobId: string; progress(p: Omit<JobProgress, 'jobId' | 'kind'>): void; finish(status: JobFinished['status'], summary: Record<string, number>, error?: string): void } {
    const jobId = `job-${this.next++}`;
    const info: JobInfo = { jobId, kind, status: 'running', progress: null };
    let resolve!: (f: JobFinished) => void;
    const done = new Promise<JobFinished>((r) => (resolve = r));
    const cancelFlag = new Int32Array(1);
    this.externals.set(jobId, onCancel);
    this.jobs.set(jobId, { info, worker: null, cancelFlag, done });
    return {
      jobId,
      progress: (p) => {
        info.progress = { jobId, kind, ...p };
        this.events.progress(info.progress);
      },
      finish: (status, summary, error) => {
        if (info.status !== 'running') return;
        info.status = status;
        const f: JobFinished = error ? { jobId, kind, status, summary, error } : { jobId, kind, status, summary };
        this.externals.delete(jobId);
        this.events.finished(f, null);
        resolve(f);
      },
    };
  }

  private externals = new Map<string, () => void>();

  /** Finished jobs stay listed (an export's download is served while its job is known), the oldest forgotten first. */
  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((j) => j.info.status !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.info.jobId);
  }

  cancel(jobId: string): boolean {
    const external = this.externals.get(jobId);
    if (external) {
      external();
      return true;
    }
    const job = this.jobs.get(jobId);
    if (!job || job.info.status !== 'running') return false;
    Atomics.store(job.cancelFlag, 0, 1);
    return true;
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((j) => ({ ...j.info }));
  }

  running(kind?: JobKind): JobInfo[] {
    return this.list().filter((j) => j.status === 'running' && (!kind || j.kind === kind));
  }

  /** Cancels everything and waits for the workers to stop (app shutdown). */
  async shutdown(): Promise<void> {
    const all = [...this.jobs.values()];
    for (const j of all) Atomics.store(j.cancelFlag, 0, 1);
    await Promise.all(all.map((j) => j.done));
  }
}
