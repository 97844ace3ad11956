import { FilterError, parseFilter } from '../../shared/filter';
import type { CaseDb } from '../cases/case-db';
import { compileFilter } from '../cases/filter-sql';
import { flowTableColumns } from '../cases/filter-sql-columns';
import type { FlowSelection } from './flow-selection';

/**
 * A display filter's text as a flow selection, parsed and compiled here in the
 * main process (the renderer's own parse only colours the filter bar). Throws a
 * positioned FilterError for text that is not a valid filter; `db` lets a case
 * that predates a column compile it as absent.
 */
export function filterSelection(text: string, db?: CaseDb): FlowSelection & { columns: string[] } {
  const parsed = parseFilter(text);
  if (!parsed.ok) throw new FilterError(parsed.error.message, parsed.error.position, parsed.error.length);
  if (parsed.ast.kind === 'all') return { columns: [] };
  const c = compileFilter(parsed.ast, db ? { existingColumns: flowTableColumns(db) } : {});
  return { where: c.where, params: c.params, columns: c.columns };
}
