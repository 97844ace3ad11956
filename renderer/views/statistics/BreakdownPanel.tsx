import { useMemo, useState } from 'react';
import type { CallInput } from '../../../shared/contract/calls';
import { errorText } from '../../api/error-text';
import { useCall } from '../../api/use-call';
import { toFlowScope, type AppliedScope } from '../../app/applied-scope';
import { valueFilter } from '../../format/filter-text';
import { formatBytes, formatCount } from '../../format/format-number';
import { Plot } from '../../plot/Plot';
import { breakdownFigure, NONE, type Metric } from './breakdown-figure';

type By = CallInput<'stats.breakdown'>['by'];

const BY: { by: By; label: string }[] = [
  { by: 'app', label: 'Application' },
  { by: 'app_category', label: 'Category' },
  { by: 'proto', label: 'Transport' },
  { by: 'conn_state', label: 'Conn state' },
  { by: 'label', label: 'Label' },
];

/** Flows, packets and bytes per application, category, transport protocol, state or label. */
export function BreakdownPanel({ scope, onFilter }: { scope: AppliedScope; onFilter: (filter: string) => void }) {
  const [by, setBy] = useState<By>('app');
  const [metric, setMetric] = useState<Metric>('bytes');
  const input = useMemo(() => ({ scope: toFlowScope(scope), by, limit: 200 }), [scope, by]);
  const { data, error } = useCall('stats.breakdown', input);
  const figure = useMemo(() => (data ? breakdownFigure(data, metric) : null), [data, metric]);
  const total = data?.reduce((n, r) => n + r[metric], 0) ?? 0;

  return (
    <div className="breakdown" data-testid="breakdown">
      <div className="panel-head">
        <label>
          By{' '}
          <select value={by} onChange={(e) => setBy(e.target.value as By)} data-testid="breakdown-by">
            {BY.map((b) => (
              <option key={b.by} value={b.by}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Measure{' '}
          <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
            <option value="bytes">Bytes</option>
            <option value="packets">Packets</option>
            <option value="flows">Flows</option>
          </select>
        </label>
        <span className="muted">Click a bar or a row to filter on it.</span>
      </div>
      {error ? (
        <div className="pane-note error-text">{errorText(error)}</div>
      ) : (
        <div className="breakdown-body">
          {figure && <Plot data={figure.data} layout={figure.layout} className="breakdown-plot" testId="breakdown-plot" onClick={(e) => {
            const key = String(e.points[0]?.y ?? '');
            onFilter(valueFilter(by, key === NONE ? null : key));
          }} />}
          <div className="breakdown-numbers">
            <table className="mini-table" data-testid="breakdown-table">
              <thead>
                <tr>
                  <th>{BY.find((b) => b.by === by)?.label}</th>
                  <th>Flows</th>
                  <th>Packets</th>
                  <th>Bytes</th>
                  <th>% {metric}</th>
                </tr>
              </thead>
              <tbody>
                {(data ?? []).map((r) => (
                  <tr key={r.key ?? NONE} className="clickable" onClick={() => onFilter(valueFilter(by, r.key))}>
                    <th>{r.key ?? <span className="muted">{NONE}</span>}</th>
                    <td>{formatCount(r.flows)}</td>
                    <td>{formatCount(r.packets)}</td>
                    <td title={`${formatCount(r.bytes)} bytes`}>{formatBytes(r.bytes)}</td>
                    <td>{total ? ((100 * r[metric]) / total).toFixed(1) : '0.0'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
