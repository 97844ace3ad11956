import { useMemo } from 'react';
import { errorText } from '../../api/error-text';
import { useCall } from '../../api/use-call';
import { formatCount } from '../../format/format-number';
import { Plot } from '../../plot/Plot';
import { byProtocolFigure, overTimeFigure } from './session-figures';

const NO_INPUT = {};

/** Totals, Normal/Suspicious counts and shares, predictions over time and by protocol. */
export function SessionAnalyticsPanel() {
  const { data, error } = useCall('sessions.analytics', NO_INPUT);
  const overTime = useMemo(() => (data ? overTimeFigure(data) : null), [data]);
  const byProtocol = useMemo(() => (data ? byProtocolFigure(data) : null), [data]);
  if (error) return <section className="panel session-analytics pane-note error-text">{errorText(error)}</section>;
  return (
    <section className="panel session-analytics" data-testid="session-analytics">
      <div className="panel-head">
        <h2>Analytics</h2>
        {data && (
          <div className="session-totals">
            <span data-testid="session-total">
              <b>{formatCount(data.total)}</b> predictions
            </span>
            <span className="normal" data-testid="session-normal">
              <b>{formatCount(data.normal)}</b> Normal ({data.normalPercent}%)
            </span>
            <span className="suspicious" data-testid="session-suspicious">
              <b>{formatCount(data.suspicious)}</b> Suspicious ({data.suspiciousPercent}%)
            </span>
            {data.byClassifier.map((c) => (
              <span key={c.classifier} className="muted">
                {formatCount(c.total)} by <code>{c.classifier}</code>
              </span>
            ))}
          </div>
        )}
      </div>
      {data && data.total > 0 && overTime && byProtocol ? (
        <div className="session-plots">
          <div className="session-plot">
            <h3>Over time</h3>
            <Plot data={overTime.data} layout={overTime.layout} className="session-plot-body" testId="sessions-over-time" />
          </div>
          <div className="session-plot">
            <h3>By protocol</h3>
            <Plot data={byProtocol.data} layout={byProtocol.layout} className="session-plot-body" testId="sessions-by-protocol" />
          </div>
        </div>
      ) : (
        <div className="pane-note">{data ? 'No predictions yet: import a CSV, scan a session or derive sessions from the traffic.' : 'Loading…'}</div>
      )}
    </section>
  );
}
