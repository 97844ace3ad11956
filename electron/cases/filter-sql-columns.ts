import { flowFieldNames } from '../../shared/fields';
import { pendingColumns } from '../../shared/filter/filter-fields';
import type { CaseDb } from './case-db';
import { FilterCompileError } from './filter-compile-error';

/**
 * The only identifiers a compiled filter may contain: registry columns, the
 * address keys of migration 0003, and the catalog's pending columns. Checked
 * for every column, so a wrong catalog entry cannot put anything else in SQL.
 */
/**
 * Lookups that filter fields compare like columns (`bookmark`, `host.bookmark`,
 * `note`): fixed SQL over the outer `flows f`, using the partial indexes on
 * (kind, key) of migration 0008. A bookmark's key is the flow id as text or the
 * host's address text exactly as flows store it.
 */
const virtualColumns: Record<string, string> = {
  flow_bookmark: "(SELECT b.tag FROM bookmarks b WHERE b.kind = 'flow' AND b.key = CAST(f.id AS TEXT) AND b.removed_at IS NULL)",
  src_host_bookmark: "(SELECT b.tag FROM bookmarks b WHERE b.kind = 'host' AND b.key = f.src_ip AND b.removed_at IS NULL)",
  dst_host_bookmark: "(SELECT b.tag FROM bookmarks b WHERE b.kind = 'host' AND b.key = f.dst_ip AND b.removed_at IS NULL)",
  flow_notes: "(SELECT group_concat(n.text, char(10)) FROM notes n WHERE n.kind = 'flow' AND n.key = CAST(f.id AS TEXT) AND n.removed_at IS NULL)",
};

/** The SQL a virtual column stands for, or undefined for a real column. */
export function virtualColumnSql(name: string): string | undefined {
  return Object.hasOwn(virtualColumns, name) ? virtualColumns[name] : undefined;
}

const allowed = new Set<string>([...flowFieldNames, 'src_ip_key', 'dst_ip_key', ...pendingColumns, ...Object.keys(virtualColumns)]);
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function checkedColumn(name: string): string {
  if (!allowed.has(name) || !IDENTIFIER.test(name)) throw new FilterCompileError(`not a flow column: ${JSON.stringify(name)}`);
  return name;
}

/** The columns this case's `flows` table has (a case may predate a column the filter knows), and the lookups its tables allow. */
export function flowTableColumns(db: CaseDb): Set<string> {
  const cols = new Set((db.prepare('PRAGMA table_info(flows)').all() as { name: string }[]).map((c) => c.name));
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bookmarks'").get()) for (const v of Object.keys(virtualColumns)) cols.add(v);
  return cols;
}
