import { filterSelection } from '../investigate/filter-selection';
import type { z } from 'zod';
import type { FlowScope } from '../../shared/domain/flow-query';
import type { FlowSelection } from '../investigate/flow-selection';
import type { CaseDb } from '../cases/case-db';

type ParsedScope = z.output<typeof FlowScope>;

/** A scope from the renderer as a selection over the case: the filter is parsed and compiled here, never trusted. */
export function toSelection(scope: ParsedScope, db?: CaseDb): FlowSelection & { columns: string[] } {
  const sel = filterSelection(scope.filter, db);
  if (scope.range) sel.range = scope.range;
  if (scope.ids) sel.ids = scope.ids;
  return sel;
}

/** A stable key for caching per-scope results (counts). */
export function scopeKey(scope: ParsedScope): string {
  return JSON.stringify([scope.filter.trim(), scope.range ?? null, scope.ids ?? null]);
}
