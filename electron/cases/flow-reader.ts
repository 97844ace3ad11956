import { flowFields, type FlowRecord } from '../../shared/fields';
import type { FlowPage } from '../../shared/domain/flow-query';
import type { SortSpec } from '../../shared/domain/flow-query';
import type { CaseDb } from './case-db';

const selectColumns = flowFields.map((f) => f.name).join(', ');

export interface FlowPageQuery {
  startRow: number;
  endRow: number;
  sort: SortSpec[];
}

/**
 * One page of flows, sorted in SQL. Sort fields come from the contract's enum of
 * registry names, so they are safe to place in ORDER BY; id breaks ties so pages
 * are stable.
 */
export function flowPage(db: CaseDb, q: FlowPageQuery): FlowPage {
  const order = q.sort.map((s) => `${s.field} ${s.dir === 'desc' ? 'DESC' : 'ASC'}`);
  if (!q.sort.some((s) => s.field === 'id')) order.push('id ASC');
  const rows = db
    .prepare(`SELECT ${selectColumns} FROM flows ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`)
    .all(q.endRow - q.startRow, q.startRow) as FlowRecord[];
  const { n } = db.prepare('SELECT count(*) AS n FROM flows').get() as { n: number };
  return { rows, total: n };
}

/** Every flow in id order, streamed (CLI export). */
export function* iterateFlows(db: CaseDb, limit?: number): IterableIterator<FlowRecord> {
  const sql = `SELECT ${selectColumns} FROM flows ORDER BY id${limit !== undefined ? ' LIMIT ?' : ''}`;
  const stmt = db.prepare(sql);
  yield* (limit !== undefined ? stmt.iterate(limit) : stmt.iterate()) as IterableIterator<FlowRecord>;
}

export function flowCount(db: CaseDb): number {
  return (db.prepare('SELECT count(*) AS n FROM flows').get() as { n: number }).n;
}
