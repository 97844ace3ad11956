import type { Evaluation } from '../../../shared/domain/model';

const f = (x: number) => x.toFixed(3);

/** Precision, recall, F1 and support per class, then macro-F1 and accuracy. */
export function ClassMetricsTable({ evaluation }: { evaluation: Evaluation }) {
  return (
    <table className="mini-table class-metrics" data-testid="class-metrics">
      <thead>
        <tr>
          <th>Class</th>
          <th>Precision</th>
          <th>Recall</th>
          <th>F1</th>
          <th>Support</th>
        </tr>
      </thead>
      <tbody>
        {evaluation.perClass.map((c) => (
          <tr key={c.class}>
            <th>{c.class}</th>
            <td>{f(c.precision)}</td>
            <td>{f(c.recall)}</td>
            <td className={c.f1 < 0.8 ? 'weak' : ''}>{f(c.f1)}</td>
            <td>{c.support.toLocaleString('en-US')}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th>Macro-F1</th>
          <td />
          <td />
          <td data-testid="macro-f1">{f(evaluation.macroF1)}</td>
          <td />
        </tr>
        <tr>
          <th>Accuracy</th>
          <td />
          <td />
          <td>{f(evaluation.accuracy)}</td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
