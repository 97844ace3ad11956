import { AgGridReact } from 'ag-grid-react';
import type { PlotMouseEvent } from 'plotly.js';
import { useMemo, useState } from 'react';
import type { AnomalyPoint } from '../../../shared/domain/anomaly';
import { formatCount } from '../../format/format-number';
import { gridTheme } from '../../grid/grid-setup';
import { Plot } from '../../plot/Plot';
import { anomalyColumns } from './anomaly-columns';
import { curvesFigure } from './curves-figure';
import { hostFilter } from './host-filter';
import { scatterFigure } from './scatter-figure';
import { formParams, initialForm, type TrainForm } from './train-form-state';
import { TrainFormPanel } from './TrainFormPanel';
import { useAnomalies } from './use-anomalies';

interface Props {
  casePath: string;
  onShowFlows: (filter: string) => void;
  onError: (msg: string | null) => void;
}

/** K-Means anomaly detection (seed 001): the model form, the k curves, the PCA scatter and the scored hosts. */
export default function AnomaliesView({ onShowFlows, onError }: Props) {
  const { results, curves, busy, train, suggest } = useAnomalies(onError);
  const [form, setForm] = useState<TrainForm>(initialForm);
  const [formError, setFormError] = useState<string | null>(null);
  const run = results?.run ?? null;
  const points = results?.points ?? [];
  const scatter = useMemo(() => (run && points.length ? scatterFigure(points, run) : null), [run, points]);
  const curveFig = useMemo(() => (curves ? curvesFigure(curves) : null), [curves]);
  const columns = useMemo(() => anomalyColumns(run?.params.features ?? [], run?.params.window != null), [run]);

  const withParams = (go: (p: NonNullable<Extract<ReturnType<typeof formParams>, { params: unknown }>>['params']) => void) => {
    const r = formParams(form);
    if ('error' in r) return setFormError(r.error);
    setFormError(null);
    go(r.params);
  };
  const onPointClick = (e: PlotMouseEvent) => {
    const i = e.points[0]?.customdata;
    if (typeof i === 'number' && points[i]) onShowFlows(hostFilter(points[i]));
  };

  return (
    <div className="analysis-view anomaly-view" data-testid="anomalies">
      <TrainFormPanel form={form} onChange={setForm} busy={busy} error={formError} onTrain={() => withParams(train)} onSuggest={() => withParams(suggest)} suggestedK={curves?.suggestedK ?? null} />
      <div className="anomaly-main">
        <div className="anomaly-plots">
          <section className="panel scatter-panel">
            <div className="panel-head">
              <h2>Hosts in two principal components</h2>
              {run && (
                <span className="muted" data-testid="anomaly-summary">
                  {formatCount(run.anomalies)} of {formatCount(run.points)} {run.params.window ? 'host-windows' : 'hosts'} anomalous · k = {run.params.k}, {run.params.thresholdMode === 'sigma' ? `mean + ${run.params.multiplier}·std` : `${run.params.percentile}th percentile`}, {run.params.scaling}
                  {run.params.transform === 'log1p' ? ', log' : ''} · trained on {run.trainingPoints} points of {run.baseline.split('/').pop()} · click a point for its flows
                </span>
              )}
            </div>
            {scatter ? <Plot data={scatter.data} layout={scatter.layout} onClick={onPointClick} className="anomaly-plot" testId="anomaly-scatter" /> : <div className="pane-note">{busy ? 'Working…' : 'Train a model to see the hosts here.'}</div>}
          </section>
          <section className="panel curves-panel">
            <div className="panel-head">
              <h2>Choosing k</h2>
            </div>
            {curveFig ? <Plot data={curveFig.data} layout={curveFig.layout} className="anomaly-plot" testId="k-curves" /> : <div className="pane-note">Suggest computes the elbow and silhouette curves.</div>}
          </section>
        </div>
        <section className="panel anomaly-results">
          <div className="panel-head">
            <h2>Scored hosts</h2>
            <span className="muted">{results && results.total > points.length ? `every anomaly and an even sample of the rest: ${formatCount(points.length)} of ${formatCount(results.total)} · ` : ''}click a row for the host’s flows</span>
          </div>
          <div className="analysis-grid" data-testid="anomaly-grid">
            <AgGridReact<AnomalyPoint>
              theme={gridTheme}
              rowData={points}
              columnDefs={columns}
              getRowId={(p) => `${p.data.ip} ${p.data.windowStart ?? ''}`}
              defaultColDef={{ sortable: true, resizable: true }}
              onRowClicked={(e) => e.data && onShowFlows(hostFilter(e.data))}
              rowClass="clickable-row"
              getRowClass={(p) => (p.data?.anomaly ? 'row-anomaly' : '')}
            />
          </div>
        </section>
      </div>
    </div>
  );
}
