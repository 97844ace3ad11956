import { flowFieldNames } from '../../shared/fields';
import { pendingColumns } from '../../shared/filter/filter-fields';
import type { CaseDb } from './case-db';
import { FilterCompileError } from './filter-compile-error';

/**
 * The only identifiers a compiled filter may contain: registry columns, the
 * address keys of migration 0003, and the catalog's pending columns. Checked
 * for every column, so a wrong catalog entry cannot put anything else in SQL.
 */
const allowed = new Set<string>([...flowFieldNames, 'src_ip_key', 'dst_ip_key', ...pendingColumns]);
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function checkedColumn(name: string): string {
  if (!allowed.has(name) || !IDENTIFIER.test(name)) throw new FilterCompileError(`not a flow column: ${JSON.stringify(name)}`);
  return name;
}

/** The columns this case's `flows` table has (a case may predate a column the filter knows). */
export function flowTableColumns(db: CaseDb): Set<string> {
  return new Set((db.prepare('PRAGMA table_info(flows)').all() as { name: string }[]).map((c) => c.name));
}
