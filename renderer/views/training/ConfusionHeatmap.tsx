import type { Evaluation } from '../../../shared/domain/model';

/**
 * The confusion matrix as a heatmap: rows are true classes, columns
 * predicted ones, each cell shaded by its share of its row (so a small class's
 * errors show as plainly as a big one's); the diagonal in blue, errors in red.
 */
export function ConfusionHeatmap({ evaluation, classes }: { evaluation: Evaluation; classes: readonly string[] }) {
  const rows = evaluation.confusion;
  return (
    <div className="confusion-wrap">
      <table className="confusion" data-testid="confusion-matrix">
        <thead>
          <tr>
            <th className="corner">true ↓ · predicted →</th>
            {classes.map((c, k) => (
              <th key={c} className="col-head" title={c}>
                <span>{k + 1}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const total = row.reduce((a, b) => a + b, 0);
            return (
              <tr key={classes[i]}>
                <th title={classes[i]}>
                  {i + 1}. {classes[i]}
                </th>
                {row.map((n, j) => {
                  const share = total > 0 ? n / total : 0;
                  const hue = i === j ? '47, 111, 214' : '192, 57, 43';
                  return (
                    <td
                      key={j}
                      style={{ background: n > 0 ? `rgba(${hue}, ${0.12 + 0.88 * share})` : undefined, color: share > 0.55 ? '#fff' : undefined }}
                      title={`${classes[i]} predicted as ${classes[j]}: ${n} of ${total} (${(100 * share).toFixed(1)}%)`}
                      data-testid={`cell-${i}-${j}`}
                    >
                      {n > 0 ? n : ''}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
