import { SESSION_CLASSES, type SessionModelSummary } from '../../../shared/sessions/model';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** A session model's cross-validated confusion matrix and per-class scores, beside the baseline's on the same records. */
export function ModelEvaluation({ model }: { model: SessionModelSummary }) {
  const e = model.evaluation;
  return (
    <div className="model-evaluation" data-testid="model-evaluation">
      <table className="mini-table">
        <thead>
          <tr>
            <th>True \ predicted</th>
            {SESSION_CLASSES.map((c) => (
              <th key={c}>{c}</th>
            ))}
            <th>Precision</th>
            <th>Recall</th>
            <th>F1</th>
            <th>Baseline recall</th>
          </tr>
        </thead>
        <tbody>
          {SESSION_CLASSES.map((c, i) => (
            <tr key={c}>
              <th>{c}</th>
              {e.confusion[i].map((n, j) => (
                <td key={j} data-testid={`confusion-${i}-${j}`}>
                  {n}
                </td>
              ))}
              <td>{pct(e.perClass[i].precision)}</td>
              <td>{pct(e.perClass[i].recall)}</td>
              <td>{pct(e.perClass[i].f1)}</td>
              <td>{pct(model.baseline.perClass[i].recall)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <span className="muted">
        {e.folds}-fold stratified cross-validation over {model.records} labelled records, pooled; accuracy {pct(e.accuracy)} (rule baseline {pct(model.baseline.accuracy)}).
      </span>
    </div>
  );
}
