import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { flowFields, type FieldDef } from '../../../shared/fields';

function formatTime(v: number): string {
  const d = new Date(v * 1000);
  const iso = d.toISOString();
  const micros = Math.round((v % 1) * 1e6).toString().padStart(6, '0');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${micros}`;
}

function formatter(f: FieldDef): ((p: ValueFormatterParams) => string) | undefined {
  if (f.name === 'first_ts' || f.name === 'last_ts') return (p) => (p.value == null ? '' : formatTime(p.value as number));
  if (f.name === 'duration') return (p) => (p.value == null ? '' : (p.value as number).toFixed(6));
  if (f.type === 'int' && f.name !== 'id' && !f.name.endsWith('_port')) return (p) => (p.value == null ? '' : (p.value as number).toLocaleString('en-US'));
  return undefined;
}

/** Shown until the user picks columns: who, when, how much, what. */
export const defaultVisible = new Set<string>([
  'id', 'proto', 'src_ip', 'src_port', 'dst_ip', 'dst_port', 'first_ts', 'duration', 'packets', 'bytes',
  'app', 'sni', 'dst_name', 'conn_state', 'termination', 'retransmissions',
]);

/** Grid columns, one per registry field: the field's name is the column id. */
export const flowColumns: ColDef[] = flowFields.map((f) => ({
  hide: !defaultVisible.has(f.name),
  colId: f.name,
  field: f.name,
  headerName: f.label,
  headerTooltip: f.description,
  sortable: true,
  type: f.type === 'text' ? undefined : 'numericColumn',
  valueFormatter: formatter(f),
  width: f.name.endsWith('_ip') ? 230 : f.name.endsWith('_ts') ? 220 : f.name === 'id' ? 80 : 115,
}));
