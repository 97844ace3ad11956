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

function width(f: FieldDef): number {
  if (f.name.endsWith('_ip')) return 200;
  if (f.name.endsWith('_ts')) return 200;
  if (f.name === 'id') return 70;
  if (LABEL_COLUMNS.has(f.name)) return 180;
  if (f.name === 'proto' || f.name.endsWith('_port')) return 80;
  if (f.type === 'text') return 140;
  return 105;
}

/** Registry order, with the `upFront` fields moved right after the id. */
function ordered(upFront: readonly string[]): FieldDef[] {
  if (!upFront.length) return [...fieldDefs];
  const moved = fieldDefs.filter((f) => upFront.includes(f.name));
  const rest = fieldDefs.filter((f) => !upFront.includes(f.name));
  const at = rest.findIndex((f) => f.name === 'id') + 1;
  return [...rest.slice(0, at), ...moved, ...rest.slice(at)];
}

/**
 * Grid columns, one per registry field: the field's name is the column id; its
 * description is the header's tooltip. `upFront` fields come right after the id.
 * Label columns show each label's colour (`labelColour`).
 */
export function flowColumns(visible: ReadonlySet<string>, upFront: readonly string[] = [], labelColour?: (label: string) => string): ColDef[] {
  return ordered(upFront).map((f) => ({
    ...(labelColour &&
      LABEL_COLUMNS.has(f.name) && {
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
