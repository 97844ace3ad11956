import { useCall } from '../../api/use-call';
import { formatCount } from '../../format/format-number';
import { formatTime } from '../../format/format-time';

const SHOWN = 6;

/** The latest labelling acts (who, when, how, on how many flows), each undoable while in force. */
export function LabelActs({ onUndo, busy }: { onUndo: (batch?: string) => void; busy: boolean }) {
  const { data } = useCall('labels.history', { limit: SHOWN, offset: 0 });
  const anyActive = data?.acts.some((a) => a.undoneAt === null) ?? false;
  return (
    <section className="label-acts" data-testid="label-acts">
      <div className="label-section-head">
        <h3>Acts</h3>
        <button disabled={!anyActive || busy} onClick={() => onUndo()} title="Undo the latest act still in force (u, Ctrl+Z)" data-testid="label-undo">
          Undo last
        </button>
      </div>
      {data?.acts.length === 0 && <div className="pane-note">No labels applied yet.</div>}
      <ul>
        {data?.acts.map((a) => (
          <li key={a.batch} className={a.undoneAt === null ? '' : 'undone'} data-testid="label-act">
            <span className={`provenance p-${a.provenance}`}>{a.provenance}</span>
            <span className="act-what" title={a.detail ?? undefined}>
              {a.labels.map((l) => l ?? '(removed)').join(', ')}
              {a.labels.length >= 8 ? ', …' : ''}
            </span>
            <span className="muted">
              {formatCount(a.flows)} flow{a.flows === 1 ? '' : 's'} · {a.author} · {formatTime(a.at).slice(11, 19)}
            </span>
            {a.undoneAt === null ? (
              <button className="icon-button" disabled={busy} onClick={() => onUndo(a.batch)} title={`Undo ${a.batch}`}>
                ↶
              </button>
            ) : (
              <span className="muted">undone</span>
            )}
          </li>
        ))}
      </ul>
      {data && data.total > SHOWN && <div className="muted">{formatCount(data.total - SHOWN)} older acts: flowsight label --list</div>}
    </section>
  );
}
