import { errorText } from '../../api/error-text';
import { useCall } from '../../api/use-call';
import { formatBytes, formatCount } from '../../format/format-number';
import { formatSeconds } from '../../format/format-time';
import { SplitPane } from '../../layout/SplitPane';
import { TargetNotes } from '../annotations/TargetNotes';
import { tupleText } from './flow-tuple';
import { FlowFields } from './FlowFields';
import { FlowSummary } from './FlowSummary';
import { PacketsPane } from './PacketsPane';
import { TcpAnalysisTable } from './TcpAnalysisTable';

/** The selected flow: what it is on the left, its packets and stream on the right. */
export function FlowDetail({ flowId, readOnly }: { flowId: number | null; readOnly: boolean }) {
  const { data, error } = useCall('flows.detail', flowId === null ? null : { id: flowId });
  if (flowId === null) return <div className="pane-note centered">Select a flow to see its details, packets and bytes.</div>;
  if (error) return <div className="pane-note error-text">{errorText(error)}</div>;
  if (!data || data.flow.id !== flowId) return <div className="pane-note">Loading flow {flowId}…</div>;
  const f = data.flow;
  return (
    <div className="flow-detail" data-testid="flow-detail">
      <div className="detail-head">
        <span className="detail-id">Flow {f.id}</span>
        <span className="detail-tuple" data-testid="detail-tuple">
          {tupleText(f)}
        </span>
        <span className="detail-facts">
          {[f.app, f.conn_state, f.duration !== null ? formatSeconds(f.duration) : null, `${formatCount(f.packets ?? 0)} packets`, formatBytes(f.bytes ?? 0)].filter(Boolean).join(' · ')}
        </span>
      </div>
      <SplitPane
        direction="row"
        storageKey="flowsight.split.detail"
        initial={0.36}
        first={
          <div className="detail-info">
            <FlowSummary flow={f} evidence={data.evidence} />
            {f.id !== null && <TargetNotes key={f.id} targets={[{ kind: 'flow', key: String(f.id) }]} what="flow" readOnly={readOnly} />}
            {f.proto === 'tcp' && <TcpAnalysisTable flow={f} />}
            <FlowFields flow={f} />
          </div>
        }
        second={<PacketsPane key={f.id} flow={f} hasPackets={data.hasPackets} />}
      />
    </div>
  );
}
