import type { SortSpec } from '../../shared/domain/flow-query';
import { selectionSql, type FlowSelection } from '../investigate/flow-selection';
import type { CaseDb } from './case-db';
import { flowOrderBy } from './flow-order';

const MAX_RESULTS = 8;

/**
 * The ids of a filtered, sorted result, computed once and paged from memory:
 * SQLite pages a filter-plus-sort either through the filter's index (sorting
 * every match for every page) or through the sort's index (walking past every
 * non-match), and which is cheap depends on how the two correlate, which it
 * cannot know. Scanning once costs what one slow page costs; every page after
 * is a lookup of 200 ids. Kept per query worker, a few results at a time, and
 * keyed by the case's version so that new flows or labels invalidate them.
 */
const results = new Map<string, Int32Array>();

export function sortedIds(db: CaseDb, key: string, selection: FlowSelection, sort: SortSpec[]): Int32Array {
  let ids = results.get(key);
  if (ids) {
    // Most recently used last.
    results.delete(key);
    results.set(key, ids);
    return ids;
  }
  const { where, params } = selectionSql(selection);
  const list: number[] = [];
  for (const r of db.prepare(`SELECT f.id AS id FROM flows f WHERE ${where} ORDER BY ${flowOrderBy(sort)}`).raw().iterate(...params) as IterableIterator<[number]>) list.push(r[0]);
  ids = Int32Array.from(list);
  if (results.size >= MAX_RESULTS) results.delete(results.keys().next().value!);
  results.set(key, ids);
  return ids;
}
