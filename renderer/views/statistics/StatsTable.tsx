import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { errorText } from '../../api/error-text';
import { formatCount } from '../../format/format-number';
import { gridTheme } from '../../grid/grid-setup';

interface Props<T> {
  rows: T[] | null;
  error: unknown;
  columns: ColDef<T>[];
  noun: string;
  limit: number;
  testId: string;
  onFilter: (row: T) => void;
}

/** A statistics table (client-side rows, sortable); double-clicking a row filters on it. */
export function StatsTable<T>({ rows, error, columns, noun, limit, testId, onFilter }: Props<T>) {
  if (error) return <div className="pane-note error-text">{errorText(error)}</div>;
  return (
    <div className="stats-table" data-testid={testId}>
      <div className="stats-caption" data-testid={`${testId}-count`}>
        {rows === null ? 'Loading…' : `${formatCount(rows.length)} ${noun}${rows.length === limit ? ` (the first ${formatCount(limit)} by bytes)` : ''}`}
        <span className="muted"> · double-click a row to filter on it</span>
      </div>
      <div className="stats-grid">
        <AgGridReact<T>
          theme={gridTheme}
          rowData={rows ?? []}
          columnDefs={columns}
          defaultColDef={{ sortable: true, resizable: true }}
          onRowDoubleClicked={(e) => e.data && onFilter(e.data)}
          tooltipShowDelay={400}
        />
      </div>
    </div>
  );
}
