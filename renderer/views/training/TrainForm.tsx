import { useState } from 'react';
import { featureGroups, type FeatureGroupId } from '../../../shared/domain/feature-groups';
import type { Algorithm, LabelLevel } from '../../../shared/domain/model';
import type { JobProgress } from '../../../shared/domain/job';
import { api } from '../../api/client';
import { useWritable } from '../../api/read-only';

export interface TrainRequest {
  level: LabelLevel;
  algorithm: Algorithm;
  groups: FeatureGroupId[];
  folds: number;
  groupBy: 'capture' | 'none';
}

interface Props {
  filter: string;
  running: { jobId: string; progress: JobProgress | null } | null;
  onTrain: (r: TrainRequest) => void;
}

/** The training choices: label level, algorithm, feature groups, folds, the grouped evaluation; then Train, or the run's progress and Cancel. */
export function TrainForm({ filter, running, onTrain }: Props) {
  const training = useWritable('models.train', 'train a model');
  const [level, setLevel] = useState<LabelLevel>('activity');
  const [algorithm, setAlgorithm] = useState<Algorithm>('rf');
  const [groups, setGroups] = useState<Set<FeatureGroupId>>(() => new Set(featureGroups.map((g) => g.id)));
  const [folds, setFolds] = useState(5);
  const [grouped, setGrouped] = useState(true);
  const toggle = (id: FeatureGroupId) =>
    setGroups((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const p = running?.progress;
  const pct = p && p.total > 0 ? Math.min(100, (100 * p.done) / p.total) : 0;

  return (
    <section className="panel classifier-form" data-testid="classifier-form">
      <div className="panel-head">
        <strong>Train a classifier</strong>
      </div>
      <div className="train-fields">
        <label>
          Label level
          <select value={level} onChange={(e) => setLevel(e.target.value as LabelLevel)} data-testid="train-level">
            <option value="activity">Activity (app/activity)</option>
            <option value="app">App</option>
          </select>
        </label>
        <label>
          Algorithm
          <select value={algorithm} onChange={(e) => setAlgorithm(e.target.value as Algorithm)} data-testid="train-algorithm">
            <option value="rf">Random forest</option>
            <option value="gbt">Gradient-boosted trees</option>
          </select>
        </label>
        <label>
          Folds
          <input type="number" min={2} max={20} value={folds} onChange={(e) => setFolds(Math.max(2, Math.min(20, Number(e.target.value) || 2)))} data-testid="train-folds" />
        </label>
        <label className="check">
          <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} data-testid="train-grouped" />
          Also evaluate with whole captures held out
        </label>
        <fieldset className="feature-groups" data-testid="train-groups">
          <legend>Features</legend>
          {featureGroups.map((g) => (
            <label key={g.id} className="check" title={g.description}>
              <input type="checkbox" checked={groups.has(g.id)} onChange={() => toggle(g.id)} data-testid={`group-${g.id}`} />
              {g.label} <span className="muted">({g.features.length})</span>
            </label>
          ))}
        </fieldset>
        <div className="muted train-scope">{filter ? `Labelled flows matching: ${filter}` : 'Every labelled flow in the case'}</div>
      </div>
      <div className="train-actions">
        {running ? (
          <div className="train-progress" data-testid="train-progress" role="progressbar" aria-valuenow={Math.round(pct)} aria-valuemin={0} aria-valuemax={100}>
            <span>{p?.message ?? 'Starting…'}</span>
            <div className="bar">
              <div className="fill" style={{ width: `${pct}%` }} />
            </div>
            <span>{Math.round(pct)}%</span>
            <button onClick={() => void api.invoke('jobs.cancel', { jobId: running.jobId })} data-testid="train-cancel">
              Cancel
            </button>
          </div>
        ) : (
          <button
            className="primary"
            disabled={groups.size === 0 || training.disabled}
            title={training.why}
            onClick={() => onTrain({ level, algorithm, groups: featureGroups.map((g) => g.id).filter((id) => groups.has(id)), folds, groupBy: grouped ? 'capture' : 'none' })}
            data-testid="train-start"
          >
            Train
          </button>
        )}
      </div>
    </section>
  );
}
