import { flowFields, type FlowRecord } from '../../shared/fields';
import type { FlowPage } from '../../shared/domain/flow-query';
import type { SortSpec } from '../../shared/domain/flow-query';
import type { CaseDb } from './case-db';
import type { CompiledFilter } from './filter-sql';

const selectColumns = flowFields.map((f) => f.name).join(', ');

export interface FlowPageQuery {
  startRow: number;
  endRow: number;
  sort: SortSpec[];
}

/** A compiled display filter (compileFilter): its SQL is built from fixed fragments and column names, its values bound. */
export type FlowFilter = Pick<CompiledFilter, 'where' | 'params'>;

const whereClause = (filter?: FlowFilter): string => (filter ? ` WHERE (${filter.where})` : '');

/**
 * One page of flows, sorted in SQL. Sort fields come from the contract's enum of
 * registry names, so they are safe to place in ORDER BY; id breaks ties so pages
 * are stable. With a filter, the page and the total count only matching flows.
 */
export function flowPage(db: CaseDb, q: FlowPageQuery, filter?: FlowFilter): FlowPage {
  const order = q.sort.map((s) => `${s.field} ${s.dir === 'desc' ? 'DESC' : 'ASC'}`);
  if (!q.sort.some((s) => s.field === 'id')) order.push('id ASC');
  const params = filter?.params ?? [];
  const rows = db
    .prepare(`SELECT ${selectColumns} FROM flows${whereClause(filter)} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`)
    .all(...params, q.endRow - q.startRow, q.startRow) as FlowRecord[];
  const { n } = db.prepare(`SELECT count(*) AS n FROM flows${whereClause(filter)}`).get(...params) as { n: number };
  return { rows, total: n };
}

/** Every flow in id order (only those matching the filter, if any), streamed (CLI export). */
export function* iterateFlows(db: CaseDb, limit?: number, filter?: FlowFilter): IterableIterator<FlowRecord> {
  const sql = `SELECT ${selectColumns} FROM flows${whereClause(filter)} ORDER BY id${limit !== undefined ? ' LIMIT ?' : ''}`;
  const params = [...(filter?.params ?? []), ...(limit !== undefined ? [limit] : [])];
  yield* db.prepare(sql).iterate(...params) as IterableIterator<FlowRecord>;
}

export function flowCount(db: CaseDb): number {
  return (db.prepare('SELECT count(*) AS n FROM flows').get() as { n: number }).n;
}
