import { useState } from 'react';
import type { EvaluationResult, ModelDetail } from '../../../shared/domain/model';
import { useWritable } from '../../api/read-only';
import { TabStrip } from '../../layout/TabStrip';
import { ClassMetricsTable } from './ClassMetricsTable';
import { ConfusionHeatmap } from './ConfusionHeatmap';
import { FeatureImportance } from './FeatureImportance';

type Which = 'stratified' | 'grouped';

const title = (e: EvaluationResult) => (e.kind === 'stratified' ? (('skipped' in e) ? 'Stratified k-fold' : `Stratified ${e.folds}-fold`) : ('skipped' in e) ? 'Grouped by capture' : `Grouped by capture (${e.folds} folds)`);
const macro = (e: EvaluationResult) => ('skipped' in e ? '—' : e.macroF1.toFixed(3));

interface Props {
  model: ModelDetail;
  busy: boolean;
  onApply: () => void;
  onExport: () => void;
  onDelete: () => void;
}

/**
 * One model's report: both evaluations' macro-F1 side by side (they differ:
 * the grouped one never tests on a capture it trained on), then the chosen
 * evaluation's confusion heatmap and per-class scores, and feature importance.
 */
export function ModelReport({ model, busy, onApply, onExport, onDelete }: Props) {
  const applying = useWritable('models.apply', 'apply the model to flows');
  const deleting = useWritable('models.delete', 'delete the model');
  const [which, setWhich] = useState<Which>('grouped' in model.metrics && !('skipped' in model.metrics.grouped) ? 'grouped' : 'stratified');
  const e = model.metrics[which];
  const dropped = Object.entries(model.trainingSet.dropped);
  return (
    <section className="panel model-report" data-testid="model-report">
      <div className="panel-head">
        <strong data-testid="model-title">
          {model.name} v{model.version}
        </strong>
        <span className="muted">
          {model.algorithm === 'rf' ? 'random forest' : 'gradient-boosted trees'} · {model.level} level · {model.trainingSet.flows.toLocaleString('en-US')} flows from {model.trainingSet.captures} capture
          {model.trainingSet.captures === 1 ? '' : 's'} · {model.classes.length} classes · {model.features} features
        </span>
        <span className="spacer" />
        <button className="primary" onClick={onApply} disabled={busy || applying.disabled} title={applying.why ?? 'Write a prediction and a confidence for every flow'} data-testid="model-apply">
          {model.applied ? 'Re-apply to flows' : 'Apply to flows'}
        </button>
        <button onClick={onExport} data-testid="model-export">
          Export…
        </button>
        <button onClick={onDelete} disabled={busy || deleting.disabled} title={deleting.why} data-testid="model-delete">
          Delete
        </button>
      </div>
      <div className="macro-row" data-testid="macro-row">
        {(['stratified', 'grouped'] as const).map((k) => (
          <div key={k} className={`macro ${k === which ? 'active' : ''}`} onClick={() => setWhich(k)} data-testid={`macro-${k}`}>
            <span className="macro-value">{macro(model.metrics[k])}</span>
            <span className="muted">macro-F1, {title(model.metrics[k]).toLowerCase()}</span>
          </div>
        ))}
        {dropped.length > 0 && <div className="muted">Left out (too few flows): {dropped.map(([c, n]) => `${c} (${n})`).join(', ')}</div>}
      </div>
      <TabStrip
        tabs={[
          { id: 'grouped', label: title(model.metrics.grouped) },
          { id: 'stratified', label: title(model.metrics.stratified) },
        ]}
        active={which}
        onChange={setWhich}
        testId="evaluation-tabs"
      />
      <div className="report-body">
        {'skipped' in e ? (
          <div className="pane-note" data-testid="evaluation-skipped">
            Not evaluated: {e.skipped}
          </div>
        ) : (
          <>
            <div className="report-block">
              <h4>Confusion matrix</h4>
              <ConfusionHeatmap evaluation={e} classes={model.classes} />
            </div>
            <div className="report-block">
              <h4>Per class</h4>
              <ClassMetricsTable evaluation={e} />
              {e.notes.map((n) => (
                <div key={n} className="muted note">
                  {n}
                </div>
              ))}
            </div>
          </>
        )}
        <div className="report-block">
          <h4>Feature importance (gain), top 20</h4>
          <FeatureImportance names={model.featureNames} importance={model.importance} />
        </div>
      </div>
    </section>
  );
}
