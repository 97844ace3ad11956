import type { PlotSelectionEvent } from 'plotly.js';
import { useMemo, useState } from 'react';
import { errorText } from '../../api/error-text';
import { useCall } from '../../api/use-call';
import { toFlowScope, type AppliedScope, type TimeRange } from '../../app/applied-scope';
import { formatSeconds } from '../../format/format-time';
import { Plot } from '../../plot/Plot';
import { axisSeconds, ioGraphFigure } from './io-graph-figure';

const INTERVALS = [0.001, 0.01, 0.1, 1, 10, 60, 600, 3600];

interface Props {
  scope: AppliedScope;
  onRange: (range: TimeRange | null) => void;
}

/** The I/O graph over the applied scope; dragging across it narrows every view to that time. */
export function IoGraphPanel({ scope, onRange }: Props) {
  const [step, setStep] = useState<number | null>(null);
  const input = useMemo(() => ({ scope: toFlowScope(scope), ...(step === null ? {} : { interval: step }) }), [scope, step]);
  const { data, error, loading } = useCall('stats.ioGraph', input);
  const figure = useMemo(() => (data ? ioGraphFigure(data, scope.range) : null), [data, scope.range]);

  const onSelected = (e: PlotSelectionEvent) => {
    const x = e.range?.x;
    if (!data || !x || x.length < 2) return;
    const [from, to] = [axisSeconds(x[0]), axisSeconds(x[1])].sort((p, q) => p - q);
    if (Number.isFinite(from) && Number.isFinite(to)) onRange({ from, to });
  };

  return (
    <section className="panel io-graph" data-testid="io-graph">
      <div className="panel-head">
        <h2>I/O graph</h2>
        <label>
          Interval{' '}
          <select value={step ?? 'auto'} onChange={(e) => setStep(e.target.value === 'auto' ? null : Number(e.target.value))} data-testid="io-interval">
            <option value="auto">Automatic{data && step === null ? ` (${formatSeconds(data.interval)})` : ''}</option>
            {INTERVALS.map((i) => (
              <option key={i} value={i}>
                {formatSeconds(i)}
              </option>
            ))}
          </select>
        </label>
        {data && step !== null && data.interval !== step && <span className="muted">widened to {formatSeconds(data.interval)} (too many points)</span>}
        <span className="muted">Drag across the graph to narrow the flows to that time; double-click to clear.</span>
        {scope.range && (
          <button onClick={() => onRange(null)} data-testid="io-clear-range">
            Clear time range
          </button>
        )}
      </div>
      {error ? (
        <div className="pane-note error-text">{errorText(error)}</div>
      ) : figure && data && data.packets.length > 0 ? (
        <Plot data={figure.data} layout={figure.layout} onSelected={onSelected} onDeselect={() => onRange(null)} className="io-plot" testId="io-plot" />
      ) : (
        <div className="pane-note">{loading ? 'Counting packets…' : 'No packets in this scope.'}</div>
      )}
    </section>
  );
}
