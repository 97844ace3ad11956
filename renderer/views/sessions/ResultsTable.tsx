import { AgGridReact } from 'ag-grid-react';
import { errorText } from '../../api/error-text';
import { useCall } from '../../api/use-call';
import { formatCount } from '../../format/format-number';
import { gridTheme } from '../../grid/grid-setup';
import type { SessionPrediction } from '../../../shared/sessions/prediction';
import { resultColumns } from './results-columns';

const LIMIT = 10_000;
const INPUT = { limit: LIMIT };

/** The stored predictions (newest first, up to 10,000), with a filter under every column header. */
export function ResultsTable() {
  const { data, error } = useCall('sessions.predictions', INPUT);
  if (error) return <div className="pane-note error-text">{errorText(error)}</div>;
  return (
    <section className="panel session-results" data-testid="session-results">
      <div className="panel-head">
        <h2>Results</h2>
        <span className="muted" data-testid="session-results-count">
          {data ? `${formatCount(data.total)} stored predictions${data.total > LIMIT ? ` (the newest ${formatCount(LIMIT)} shown)` : ''}` : 'Loading…'}
        </span>
        <span className="muted">Filter under each column; the Classifier column says what produced each result.</span>
      </div>
      <div className="stats-grid">
        <AgGridReact<SessionPrediction>
          theme={gridTheme}
          rowData={data?.rows ?? []}
          columnDefs={resultColumns}
          defaultColDef={{ sortable: true, resizable: true, floatingFilter: true, suppressHeaderMenuButton: true }}
          tooltipShowDelay={400}
          getRowId={(p) => String(p.data.id)}
        />
      </div>
    </section>
  );
}
