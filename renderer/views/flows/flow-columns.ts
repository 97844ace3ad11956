import type { ColDef } from 'ag-grid-community';
import { createElement } from 'react';
import { fieldDefs, type FieldDef } from '../../../shared/fields';
import { formatFieldValue } from '../../format/format-field';

/** Columns whose values are labels, shown with the label's colour. */
const LABEL_COLUMNS = new Set(['label', 'prediction']);

/** Shown until the user picks columns: the label (what a researcher says it is), who, when, how much, what. */
export const defaultVisible: readonly string[] = [
  'id', 'label', 'proto', 'src_ip', 'src_port', 'dst_ip', 'dst_port', 'first_ts', 'duration', 'packets', 'bytes',
  'app', 'sni', 'dst_name', 'conn_state', 'termination', 'retransmissions',
];

/** Registry order, except that the label comes right after the id: labelling is read and done row by row. */
function columnOrder(): FieldDef[] {
  const label = fieldDefs.filter((f) => f.name === 'label');
  const rest = fieldDefs.filter((f) => f.name !== 'label');
  const at = rest.findIndex((f) => f.name === 'id') + 1;
  return [...rest.slice(0, at), ...label, ...rest.slice(at)];
}

function width(f: FieldDef): number {
  if (f.name.endsWith('_ip')) return 200;
  if (f.name.endsWith('_ts')) return 200;
  if (f.name === 'id') return 70;
  if (LABEL_COLUMNS.has(f.name)) return 180;
  if (f.name === 'proto' || f.name.endsWith('_port')) return 80;
  if (f.type === 'text') return 140;
  return 105;
}

/** Grid columns, one per registry field: the field's name is the column id; its description is the header's tooltip. */
export function flowColumns(visible: ReadonlySet<string>, labelColour: (label: string) => string): ColDef[] {
  return columnOrder().map((f) => ({
    ...(LABEL_COLUMNS.has(f.name) && {
      cellRenderer: (p: { value: unknown }) =>
        typeof p.value === 'string'
          ? createElement('span', { className: 'label-cell' }, createElement('span', { className: 'label-dot', style: { background: labelColour(p.value) } }), p.value)
          : null,
    }),
    hide: !visible.has(f.name),
    colId: f.name,
    field: f.name,
    headerName: f.label,
    headerTooltip: `${f.name}: ${f.description}${f.unit ? ` (${f.unit})` : ''}`,
    sortable: true,
    type: f.type === 'text' ? undefined : 'numericColumn',
    valueFormatter: (p) => formatFieldValue(f, p.value),
    width: width(f),
  }));
}
