import type { Worker } from 'node:worker_threads';
import type { CaseWriter } from '../cases/case-writer';
import type { EvidenceResult, NewEvidence } from '../cases/evidence-store';
import type { FlowBatch } from '../cases/flow-batch';
import type { PacketComment } from '../cases/packet-comments';
import type { LearntName } from '../flows/name-map';
import type { WriterReply, WriterRequest, WriterStart } from './case-writer-protocol';
import { startWorker } from './worker-script';

type Op = WriterRequest extends infer R ? (R extends { op: infer O } ? O : never) : never;

// Batches in flight before the parser waits: bounds memory to a few batches.
const MAX_IN_FLIGHT = 3;

/** A CaseWriter whose SQLite work runs on its own thread. */
export class ThreadCaseWriter implements CaseWriter {
  private worker: Worker;
  private next = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private failure: Error | null = null;

  constructor(start: WriterStart) {
    this.worker = startWorker('case-writer-worker', { workerData: start });
    this.worker.on('message', (r: WriterReply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.value);
      else p.reject(this.fail(new Error(r.error)));
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => {
      if (this.pending.size > 0) this.fail(new Error(`the case writer stopped (code ${code})`));
    });
  }

  private fail(err: Error): Error {
    this.failure ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    for (const w of this.waiters.splice(0)) w();
    return err;
  }

  private request(op: Op, body: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, ...body }, transfer);
    });
  }

  async addEvidence(evidence: Omit<NewEvidence, 'user'>): Promise<number> {
    return (await this.request('addEvidence', { evidence })) as number;
  }

  async suspendResume(evidenceId: number): Promise<void> {
    await this.request('suspendResume', { evidenceId });
  }

  async claimResume(evidenceId: number): Promise<number[]> {
    return (await this.request('claimResume', { evidenceId })) as number[];
  }

  async nextFlowId(): Promise<number> {
    return (await this.request('nextFlowId', {})) as number;
  }

  async writeFlows(batch: FlowBatch): Promise<void> {
    this.inFlight++;
    this.request('flows', { batch }, [batch.numeric.buffer as ArrayBuffer, batch.textLengths.buffer as ArrayBuffer, batch.text.buffer as ArrayBuffer, batch.index.buffer as ArrayBuffer, batch.indexLengths.buffer as ArrayBuffer]).then(
      () => {
        this.inFlight--;
        this.waiters.shift()?.();
      },
      () => undefined,
    );
    while (this.inFlight >= MAX_IN_FLIGHT && !this.failure) await new Promise<void>((r) => this.waiters.push(r));
    if (this.failure) throw this.failure;
  }

  writeNames(evidenceId: number, baseSec: number, names: LearntName[]): void {
    if (names.length) void this.request('names', { evidenceId, baseSec, names }).catch(() => undefined);
  }

  writeComments(evidenceId: number, comments: PacketComment[]): void {
    if (comments.length) void this.request('comments', { evidenceId, comments }).catch(() => undefined);
  }

  async finishEvidence(evidenceId: number, result: EvidenceResult): Promise<void> {
    await this.request('finishEvidence', { evidenceId, result });
  }

  async deleteEvidence(evidenceId: number, why: 'cancel' | 'discard' = 'cancel'): Promise<void> {
    await this.request('deleteEvidence', { evidenceId, why });
  }

  async close(): Promise<void> {
    if (!this.failure) await this.request('close', {});
    await this.worker.terminate();
    if (this.failure) throw this.failure;
  }
}
