import { useCall } from '../../api/use-call';
import { formatCount } from '../../format/format-number';
import { useStoredState } from '../../storage/stored-state';

const isLevel = (v: unknown): v is 'app' | 'activity' => v === 'app' || v === 'activity';

/** Above this ratio of largest to smallest class, accuracy says little and macro-F1 matters. */
const IMBALANCE_WARNING = 10;

/** Flows per class at the app or activity level, within the applied filter, and how imbalanced they are. */
export function ClassCounts({ filter }: { filter: string }) {
  const [level, setLevel] = useStoredState<'app' | 'activity'>('flowsight.label-level', 'activity', isLevel);
  const { data, error } = useCall('labels.counts', { level, filter });
  const max = data?.classes.reduce((m, c) => Math.max(m, c.flows), 0) ?? 0;
  return (
    <section className="class-counts" data-testid="class-counts">
      <div className="label-section-head">
        <h3>Classes{filter ? ' in the filter' : ''}</h3>
        <span className="segmented" role="radiogroup" aria-label="Label level">
          {(['app', 'activity'] as const).map((l) => (
            <button key={l} role="radio" aria-checked={level === l} className={level === l ? 'on' : ''} onClick={() => setLevel(l)} data-testid={`label-level-${l}`}>
              {l}
            </button>
          ))}
        </span>
      </div>
      {error ? <div className="error-text">{String(error)}</div> : null}
      {data && (
        <>
          <table className="class-table">
            <tbody>
              {data.classes.map((c) => (
                <tr key={c.name} data-testid="class-row">
                  <td className="class-name">
                    <span className="label-dot" style={{ background: c.colour }} />
                    {c.name}
                  </td>
                  <td className="class-bar">
                    <span style={{ width: `${(100 * c.flows) / max}%`, background: c.colour }} />
                  </td>
                  <td className="num">{formatCount(c.flows)}</td>
                </tr>
              ))}
              <tr className="muted" data-testid="class-unlabelled">
                <td className="class-name">(unlabelled)</td>
                <td />
                <td className="num">{formatCount(data.unlabelled)}</td>
              </tr>
            </tbody>
          </table>
          <div className={`imbalance ${data.imbalance && data.imbalance.ratio > IMBALANCE_WARNING ? 'warn' : ''}`} data-testid="imbalance">
            {data.imbalance
              ? `Imbalance ${data.imbalance.ratio.toFixed(2)}× (${data.imbalance.majority} / ${data.imbalance.minority})`
              : data.classes.length === 1
                ? 'One class: nothing to tell apart yet'
                : 'No labelled flows yet'}
          </div>
        </>
      )}
    </section>
  );
}
