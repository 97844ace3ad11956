import { useState } from 'react';
import { ImportCsvDialog } from './ImportCsvDialog';
import { ModelEvaluation } from './ModelEvaluation';
import { BASELINE_ID, CONFIDENCE, INDICATORS, SUSPICIOUS_AT } from '../../../shared/sessions/baseline';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useWritable } from '../../api/read-only';
import { useCall } from '../../api/use-call';

const NO_INPUT = {};
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/**
 * Which classifier new predictions use (the documented rule baseline until a
 * model is trained), the case's models with their cross-validated accuracy,
 * and the jobs that add records or train.
 */
export function ClassifierBar({ onError }: { onError: (msg: string | null) => void }) {
  const { data } = useCall('sessions.classifier', NO_INPUT);
  const [showRules, setShowRules] = useState(false);
  const [importing, setImporting] = useState(false);
  const run = (p: Promise<unknown>) => p.then(() => onError(null), (err: unknown) => onError(errorText(err)));
  const active = data?.models.find((m) => m.active);
  const choosing = useWritable('sessions.setClassifier', 'choose the classifier');
  const importing_ = useWritable('sessions.import', 'import session records');
  const deriving = useWritable('sessions.derive', 'derive sessions from traffic');
  const training = useWritable('sessions.train', 'train a model');
  return (
    <div className="classifier-bar" data-testid="classifier-bar">
      <label>
        Classifier{' '}
        <select value={data?.active ?? BASELINE_ID} disabled={choosing.disabled} title={choosing.why} onChange={(e) => void run(api.invoke('sessions.setClassifier', { active: e.target.value }))} data-testid="classifier-select">
          <option value={BASELINE_ID}>Rule baseline ({BASELINE_ID})</option>
          {data?.models.map((m) => (
            <option key={m.id} value={m.classifier}>
              {m.name} ({m.classifier}, {m.evaluation.folds}-fold accuracy {pct(m.evaluation.accuracy)})
            </option>
          ))}
        </select>
      </label>
      {active ? (
        <>
          <span className="muted" data-testid="classifier-note">
            {active.records} labelled records · macro F1 {pct(active.evaluation.macroF1)} · rule baseline on the same records {pct(active.baseline.accuracy)}
          </span>
          <button className="link-button" onClick={() => setShowRules((v) => !v)} data-testid="evaluation-toggle">
            {showRules ? 'Hide the evaluation' : 'Evaluation'}
          </button>
        </>
      ) : (
        <button className="link-button" onClick={() => setShowRules((v) => !v)} data-testid="baseline-rules-toggle">
          {showRules ? 'Hide the rules' : 'How the baseline decides'}
        </button>
      )}
      <span className="spacer" />
      <button onClick={() => setImporting(true)} disabled={importing_.disabled} title={importing_.why} data-testid="sessions-import">
        Import CSV…
      </button>
      <button onClick={() => void run(api.invoke('sessions.derive', {}))} disabled={deriving.disabled} data-testid="sessions-derive" title={deriving.why ?? "Turn the case's SSH, Telnet, RDP and FTP connections into session records"}>
        Sessions from traffic
      </button>
      <button onClick={() => void run(api.invoke('sessions.train', {}))} disabled={training.disabled} data-testid="sessions-train" title={training.why ?? 'Train a model on the records that carry a Label (5-fold evaluation first)'}>
        Train model
      </button>
      {importing && <ImportCsvDialog onClose={() => setImporting(false)} />}
      {showRules && active && <ModelEvaluation model={active} />}
      {showRules && !active && (
        <div className="baseline-rules" data-testid="baseline-rules">
          Suspicious when {SUSPICIOUS_AT} or more of these fire:
          <ul>
            {INDICATORS.map((i) => (
              <li key={i.id}>
                <code>{i.id}</code>: {i.condition} — {i.why}
              </li>
            ))}
          </ul>
          Confidence by indicators fired: {CONFIDENCE.map((c) => `${c.fired} → ${c.prediction} ${c.confidence}`).join(', ')}.
        </div>
      )}
    </div>
  );
}
