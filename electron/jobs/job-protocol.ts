import type { JobKind } from '../../shared/domain/job';

/** Messages between a job's owner and its worker. */
export interface JobStart<I> {
  kind: JobKind;
  input: I;
  /** Int32Array over this buffer; [0] becomes 1 when the owner cancels. */
  cancel: SharedArrayBuffer;
}

export type JobMessage =
  | { type: 'progress'; done: number; total: number; message: string; counters: Record<string, number> }
  | { type: 'done'; summary: Record<string, number>; result: unknown }
  | { type: 'cancelled' }
  | { type: 'failed'; error: string };
