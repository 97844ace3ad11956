import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../shared/contract/errors';
import { openCaseDb } from '../cases/case-db';
import { CaseError } from '../cases/case-errors';
import { EvidenceChangedError } from '../cases/evidence-errors';
import { queries, type QueryName } from '../investigate/queries';

export interface QueryWorkerStart {
  casePath: string;
  /** The case is open read-only: this reader opens it immutable (nothing written beside it). */
  readOnly: boolean;
  nativeBinding?: string;
}

export type QueryRequest = { id: number; name: QueryName; args: unknown[] };
export type QueryReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { code: string; message: string } };

// A reader of the case off the main thread: the UI's pages, details and
// statistics run here, one request at a time, so the main thread never blocks.
const start = workerData as QueryWorkerStart;
const db = openCaseDb(start.casePath, { immutable: start.readOnly, nativeBinding: start.nativeBinding });

parentPort!.on('message', async (m: QueryRequest | 'close') => {
  if (m === 'close') {
    db.close();
    parentPort!.close();
    return;
  }
  try {
    const fn = queries[m.name] as (...a: unknown[]) => unknown;
    const value = await fn(db, ...m.args);
    parentPort!.postMessage({ id: m.id, ok: true, value } satisfies QueryReply);
  } catch (err) {
    const code = err instanceof ApiError ? err.code : err instanceof EvidenceChangedError ? 'evidence_changed' : err instanceof CaseError ? 'bad_input' : 'internal';
    parentPort!.postMessage({ id: m.id, ok: false, error: { code, message: err instanceof Error ? err.message : String(err) } } satisfies QueryReply);
  }
});
