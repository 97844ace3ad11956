import { flowFields, type FlowRecord } from '../../shared/fields';
import type { FlowPage, SortSpec } from '../../shared/domain/flow-query';
import { selectionSql, type FlowSelection } from '../investigate/flow-selection';
import type { CaseDb } from './case-db';
import { flowOrderBy } from './flow-order';
import { sortedIds } from './flow-result-cache';

const selectColumns = flowFields.map((f) => `f.${f.name}`).join(', ');

export interface FlowPageQuery {
  startRow: number;
  endRow: number;
  sort: SortSpec[];
  selection?: FlowSelection;
  /** Page from a cached id list under this key (filtered or deep pages; see flow-result-cache.ts). */
  resultKey?: string;
}

/**
 * One page of flows, sorted and filtered in SQL. Sort fields come from the
 * contract's enum of registry names, so they are safe in ORDER BY (addresses
 * sort by their keys: flow-order.ts); id breaks ties so pages are stable. The
 * page's ids are found first on the narrow index alone ("deferred join"), so a
 * deep page does not read every skipped row.
 */
export function flowPage(db: CaseDb, q: FlowPageQuery): FlowPage {
  const orderBy = flowOrderBy(q.sort);
  if (q.resultKey !== undefined) {
    const ids = sortedIds(db, q.resultKey, q.selection ?? {}, q.sort);
    const page = Array.from(ids.subarray(q.startRow, q.endRow));
    const rows = db.prepare(`SELECT ${selectColumns} FROM flows f WHERE f.id IN (SELECT value FROM json_each(?)) ORDER BY ${orderBy}`).all(JSON.stringify(page)) as FlowRecord[];
    return { rows, total: ids.length };
  }
  const { where, params } = selectionSql(q.selection ?? {});
  const rows = db
    .prepare(`SELECT ${selectColumns} FROM flows f WHERE f.id IN (SELECT f.id FROM flows f WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?) ORDER BY ${orderBy}`)
    .all(...params, q.endRow - q.startRow, q.startRow) as FlowRecord[];
  return { rows, total: null };
}

/** How many flows the selection holds. */
export function flowCount(db: CaseDb, selection: FlowSelection = {}): number {
  const { where, params } = selectionSql(selection);
  return (db.prepare(`SELECT count(*) AS n FROM flows f WHERE ${where}`).get(...params) as { n: number }).n;
}

export function flowById(db: CaseDb, id: number): FlowRecord | null {
  return (db.prepare(`SELECT ${selectColumns} FROM flows f WHERE f.id = ?`).get(id) as FlowRecord | undefined) ?? null;
}

/** Flows in id order, streamed (CLI export). */
export function* iterateFlows(db: CaseDb, opts: { limit?: number; selection?: FlowSelection } = {}): IterableIterator<FlowRecord> {
  const { where, params } = selectionSql(opts.selection ?? {});
  const sql = `SELECT ${selectColumns} FROM flows f WHERE ${where} ORDER BY f.id${opts.limit !== undefined ? ' LIMIT ?' : ''}`;
  const stmt = db.prepare(sql);
  yield* stmt.iterate(...params, ...(opts.limit !== undefined ? [opts.limit] : [])) as IterableIterator<FlowRecord>;
}
