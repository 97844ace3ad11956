import { parentPort, workerData } from 'node:worker_threads';
import type { JobMessage, JobStart } from './job-protocol';

export interface JobContext<I> {
  input: I;
  cancelled(): boolean;
  progress(done: number, total: number, message: string, counters?: Record<string, number>): void;
}

export class JobCancelled extends Error {
  override readonly name = 'JobCancelled';
}

const PROGRESS_POST_MS = 50;

/**
 * The worker side of a job: runs `body`, reports its progress and its end. A body
 * that sees `cancelled()` rolls back and throws JobCancelled (or returns null).
 */
export function runJob<I>(body: (ctx: JobContext<I>) => Promise<{ summary: Record<string, number>; result?: unknown } | null>): void {
  const start = workerData as JobStart<I>;
  const flag = new Int32Array(start.cancel);
  const post = (m: JobMessage) => parentPort!.postMessage(m);
  let lastPost = -Infinity;
  let lastMessage = '';
  const ctx: JobContext<I> = {
    input: start.input,
    cancelled: () => Atomics.load(flag, 0) === 1,
    progress: (done, total, message, counters = {}) => {
      // The runner shows at most 10 updates a second; posting every chunk's only
      // woke the owner's thread, stealing the CPU an import runs on. A new message
      // and the last update always go.
      const now = performance.now();
      if (done < total && message === lastMessage && now - lastPost < PROGRESS_POST_MS) return;
      lastPost = now;
      lastMessage = message;
      post({ type: 'progress', done, total, message, counters });
    },
  };
  body(ctx).then(
    (r) => post(r ? { type: 'done', summary: r.summary, result: r.result } : { type: 'cancelled' }),
    (err: unknown) => post(err instanceof JobCancelled ? { type: 'cancelled' } : { type: 'failed', error: err instanceof Error ? err.message : String(err) }),
  );
}
