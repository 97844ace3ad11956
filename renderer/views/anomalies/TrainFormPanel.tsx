import { hostFeatures } from '../../../shared/domain/anomaly';
import { useWritable } from '../../api/read-only';
import type { TrainForm } from './train-form-state';

interface Props {
  form: TrainForm;
  onChange: (f: TrainForm) => void;
  busy: boolean;
  error: string | null;
  onTrain: () => void;
  onSuggest: () => void;
  suggestedK: number | null;
}

/** K-Means parameters (seed 001): k, the distance threshold, scaling, features, windows and the baseline. */
export function TrainFormPanel({ form, onChange, busy, error, onTrain, onSuggest, suggestedK }: Props) {
  const training = useWritable('anomaly.train', 'train a model');
  const suggesting = useWritable('anomaly.suggestK', 'suggest k');
  const set = <K extends keyof TrainForm>(key: K, value: TrainForm[K]) => onChange({ ...form, [key]: value });
  const toggle = (name: TrainForm['features'][number], on: boolean) => set('features', on ? hostFeatures.map((f) => f.name).filter((n) => n === name || form.features.includes(n)) : form.features.filter((n) => n !== name));
  return (
    <form
      className="panel train-form"
      data-testid="train-form"
      onSubmit={(e) => {
        e.preventDefault();
        onTrain();
      }}
    >
      <div className="panel-head">
        <h2>K-Means model</h2>
      </div>
      <div className="form-body">
        <label>
          <span>Clusters k</span>
          <input type="number" min={1} max={50} value={form.k} onChange={(e) => set('k', e.target.value)} data-testid="train-k" />
          <button type="button" onClick={onSuggest} disabled={busy || suggesting.disabled} title={suggesting.why ?? 'Elbow and silhouette curves for k = 2…10, on a sample of the baseline'} data-testid="train-suggest">
            Suggest
          </button>
        </label>
        {suggestedK !== null && (
          <p className="muted" data-testid="suggested-k">
            Best silhouette at k = {suggestedK}.{' '}
            <button type="button" className="link" onClick={() => set('k', String(suggestedK))}>
              Use it
            </button>
          </p>
        )}
        <label className="threshold-row">
          <span>Threshold</span>
          <select value={form.thresholdMode} onChange={(e) => set('thresholdMode', e.target.value as TrainForm['thresholdMode'])} data-testid="train-threshold-mode">
            <option value="sigma">mean + m·σ</option>
            <option value="percentile">percentile</option>
          </select>
          {form.thresholdMode === 'sigma' ? (
            <input type="number" step="any" min={0} value={form.multiplier} onChange={(e) => set('multiplier', e.target.value)} title="Distance multiplier m" data-testid="train-multiplier" />
          ) : (
            <input type="number" step="any" min={50} max={100} value={form.percentile} onChange={(e) => set('percentile', e.target.value)} title="Percentile of the training distances" data-testid="train-percentile" />
          )}
        </label>
        <label>
          <span>Scaling</span>
          <select value={form.scaling} onChange={(e) => set('scaling', e.target.value as TrainForm['scaling'])} data-testid="train-scaling">
            <option value="standard">standard (mean, std)</option>
            <option value="robust">robust (median, IQR)</option>
          </select>
        </label>
        <label>
          <span>Transform</span>
          <select value={form.transform} onChange={(e) => set('transform', e.target.value as TrainForm['transform'])} data-testid="train-transform">
            <option value="log1p">log(1 + x)</option>
            <option value="none">none</option>
          </select>
        </label>
        <label>
          <span>Window (s)</span>
          <input type="text" placeholder="whole case" value={form.window} onChange={(e) => set('window', e.target.value)} data-testid="train-window" />
        </label>
        <label>
          <span>Baseline</span>
          <input type="text" placeholder="this case" value={form.baseline} onChange={(e) => set('baseline', e.target.value)} title="Path of another case file to train on; empty trains on this case" data-testid="train-baseline" />
        </label>
        <label>
          <span>Seed</span>
          <input type="number" value={form.seed} onChange={(e) => set('seed', e.target.value)} data-testid="train-seed" />
        </label>
        <fieldset>
          <legend>Features per source host</legend>
          {hostFeatures.map((f) => (
            <label key={f.name} className="check" title={f.description}>
              <input type="checkbox" checked={form.features.includes(f.name)} onChange={(e) => toggle(f.name, e.target.checked)} data-testid={`feature-${f.name}`} />
              {f.label}
            </label>
          ))}
        </fieldset>
        {error && <p className="error-text" data-testid="train-error">{error}</p>}
        <button type="submit" className="primary" disabled={busy || training.disabled} title={training.why} data-testid="train-run">
          {busy ? 'Working…' : 'Train & detect'}
        </button>
      </div>
    </form>
  );
}
