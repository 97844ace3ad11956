import type { SortSpec } from '../../shared/domain/flow-query';

// Addresses sort by value, as Wireshark sorts them (10.0.0.2 before 10.0.0.10;
// IPv4 as ::ffff:a.b.c.d among IPv6), through their key columns (migration
// 0004), which are indexed; their text would sort 10.0.0.10 before 10.0.0.2.
const KEY_COLUMNS: Readonly<Record<string, string>> = { src_ip: 'src_ip_key', dst_ip: 'dst_ip_key' };

/** The column a flow field sorts by. */
export function sortColumn(field: string): string {
  return KEY_COLUMNS[field] ?? field;
}

/** ORDER BY of a flow query over `flows f`: the requested keys, then id so that pages are stable. */
export function flowOrderBy(sort: readonly SortSpec[]): string {
  const order = sort.map((s) => `f.${sortColumn(s.field)} ${s.dir === 'desc' ? 'DESC' : 'ASC'}`);
  if (!sort.some((s) => s.field === 'id')) order.push('f.id ASC');
  return order.join(', ');
}
