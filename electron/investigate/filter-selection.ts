import { FilterError, parseFilter } from '../../shared/filter';
import type { CaseDb } from '../cases/case-db';
import { compileFilter } from '../cases/filter-sql';
import { flowTableColumns } from '../cases/filter-sql-columns';
import { hiddenEvidenceIds } from '../cases/evidence-store';
import type { FlowSelection } from './flow-selection';

/**
 * A display filter's text as a flow selection, parsed and compiled here in the
 * main process (the renderer's own parse only colours the filter bar). Throws a
 * positioned FilterError for text that is not a valid filter; `db` lets a case
 * that predates a column compile it as absent, and hides the flows of removed
 * evidence (every view and export selects through here).
 */
export function filterSelection(text: string, db?: CaseDb): FlowSelection & { columns: string[] } {
  const parsed = parseFilter(text);
  if (!parsed.ok) throw new FilterError(parsed.error.message, parsed.error.position, parsed.error.length);
  const hidden = db ? visibleOnly(db) : {};
  if (parsed.ast.kind === 'all') return { columns: [], ...hidden };
  const c = compileFilter(parsed.ast, db ? { existingColumns: flowTableColumns(db) } : {});
  return { where: c.where, params: c.params, columns: c.columns, ...hidden };
}

/** The part of a selection that leaves out the flows of removed evidence (empty when nothing is removed). */
export function visibleOnly(db: CaseDb): Pick<FlowSelection, 'hiddenEvidence'> {
  const ids = hiddenEvidenceIds(db);
  return ids.length ? { hiddenEvidence: ids } : {};
}
