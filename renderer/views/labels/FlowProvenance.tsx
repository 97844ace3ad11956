import { useCall } from '../../api/use-call';
import { formatTime } from '../../format/format-time';
import type { LabelColourOf } from './label-colour-map';

/** The focused flow's label and how it got it: every act that touched it, newest first. */
export function FlowProvenance({ flowId, colourOf }: { flowId: number | null; colourOf: LabelColourOf }) {
  const { data } = useCall('labels.flowHistory', flowId === null ? null : { id: flowId });
  if (flowId === null) return <div className="pane-note">Focus a flow to see where its label came from.</div>;
  const current = data?.find((e) => e.undoneAt === null);
  return (
    <section className="flow-provenance" data-testid="flow-provenance">
      <div className="label-section-head">
        <h3>Flow {flowId}</h3>
        {current?.label ? (
          <span className="label-chip" style={{ borderColor: colourOf(current.label) }} data-testid="provenance-current">
            <span className="label-dot" style={{ background: colourOf(current.label) }} />
            {current.label}
          </span>
        ) : (
          <span className="muted" data-testid="provenance-current">unlabelled</span>
        )}
      </div>
      {data?.length === 0 && <div className="pane-note">Never labelled.</div>}
      <ul>
        {data?.map((e, i) => (
          <li key={`${e.batch ?? ''}-${i}`} className={e.undoneAt === null ? '' : 'undone'} data-testid="provenance-row">
            <span className={`provenance p-${e.provenance}`}>{e.provenance}</span>
            <span className="act-what">{e.label ?? '(removed)'}</span>
            <span className="muted" title={e.detail ?? undefined}>
              {e.author} · {formatTime(e.at).slice(0, 19)}
              {e.undoneAt !== null ? ' · undone' : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
