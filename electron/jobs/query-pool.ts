import type { Worker } from 'node:worker_threads';
import { ApiError, type ErrorCode } from '../../shared/contract/errors';
import type { QueryArgs, QueryName, QueryResult } from '../investigate/queries';
import type { QueryReply, QueryWorkerStart } from './query-worker';
import { startWorker } from './worker-script';

interface Slot {
  worker: Worker;
  busy: number;
}

/**
 * Query workers for one open case (Signal-Desktop's pattern): each request goes
 * to the least busy worker, so a slow statistics query does not hold up the
 * next page of the table. Queries slower than 40 ms are logged by the caller.
 */
export class QueryPool {
  private slots: Slot[];
  private next = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; slot: Slot }>();

  constructor(start: QueryWorkerStart, size = 2) {
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: startWorker('query-worker', { workerData: start }), busy: 0 };
      slot.worker.on('message', (r: QueryReply) => {
        const p = this.pending.get(r.id);
        if (!p) return;
        this.pending.delete(r.id);
        p.slot.busy--;
        if (r.ok) p.resolve(r.value);
        else p.reject(new ApiError(r.error.code as ErrorCode, r.error.message));
      });
      slot.worker.on('error', (err) => this.failSlot(slot, err));
      return slot;
    });
  }

  run<K extends QueryName>(name: K, ...args: QueryArgs<K>): Promise<QueryResult<K>> {
    return this.send(this.slots.reduce((a, b) => (b.busy < a.busy ? b : a)), name, args);
  }

  /** Runs on every worker (state each connection keeps, such as evidence verdicts). */
  async runAll<K extends QueryName>(name: K, ...args: QueryArgs<K>): Promise<void> {
    await Promise.all(this.slots.map((s) => this.send(s, name, args)));
  }

  /** Runs on the worker that `affinity` maps to, so requests about the same result find its cache. */
  runOn<K extends QueryName>(affinity: string, name: K, ...args: QueryArgs<K>): Promise<QueryResult<K>> {
    let h = 0;
    for (let i = 0; i < affinity.length; i++) h = (Math.imul(h, 31) + affinity.charCodeAt(i)) | 0;
    return this.send(this.slots[Math.abs(h) % this.slots.length], name, args);
  }

  private send<K extends QueryName>(slot: Slot, name: K, args: QueryArgs<K>): Promise<QueryResult<K>> {
    const id = this.next++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, slot });
      slot.worker.postMessage({ id, name, args });
    });
  }

  private failSlot(slot: Slot, err: Error): void {
    for (const [id, p] of this.pending) {
      if (p.slot !== slot) continue;
      this.pending.delete(id);
      p.reject(new ApiError('internal', `a query worker failed: ${err.message}`));
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.worker.once('exit', () => resolve());
            s.worker.postMessage('close');
          }),
      ),
    );
  }
}
