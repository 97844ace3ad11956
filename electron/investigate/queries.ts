import type { CaseDb } from '../cases/case-db';
import { flowPage, flowCount, flowById } from '../cases/flow-reader';
import { followTcpStream } from './follow-stream';
import { flowPackets, packetBytes } from './flow-packets';
import { breakdown, conversations, endpoints, ioGraph } from './statistics';
import { ensureFlowIndex } from '../cases/flow-indexes';
import { trustVerdicts } from '../cases/evidence-guard';
import { labelCounts } from '../labels/label-counts';

/**
 * Every read the UI makes of a case, by name: the query workers run them off the
 * main thread (each worker has its own connection), and tests call them directly.
 * Arguments and results are plain data, so they cross threads.
 */
export const queries = {
  flowPage,
  flowCount,
  flowById,
  flowPackets,
  packetBytes,
  followTcpStream,
  conversations,
  endpoints,
  breakdown,
  ioGraph,
  ensureFlowIndex,
  trustEvidence: trustVerdicts,
  labelCounts,
} satisfies Record<string, (db: CaseDb, ...args: never[]) => unknown>;

export type Queries = typeof queries;
export type QueryName = keyof Queries;
type Rest<F> = F extends (db: CaseDb, ...args: infer A) => unknown ? A : never;
export type QueryArgs<K extends QueryName> = Rest<Queries[K]>;
export type QueryResult<K extends QueryName> = Awaited<ReturnType<Queries[K]>>;
