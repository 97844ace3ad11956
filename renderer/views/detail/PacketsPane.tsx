import { useState } from 'react';
import type { FlowRecord } from '../../../shared/fields';
import { errorText } from '../../api/error-text';
import { formatCount } from '../../format/format-number';
import { SplitPane } from '../../layout/SplitPane';
import { TabStrip } from '../../layout/TabStrip';
import { FollowStream } from './FollowStream';
import { HexView } from './HexView';
import { PacketList } from './PacketList';

type Tab = 'packets' | 'stream';

/** The flow's packets with the selected one's bytes, or its TCP stream. */
export function PacketsPane({ flow, hasPackets }: { flow: FlowRecord; hasPackets: boolean }) {
  const [tab, setTab] = useState<Tab>('packets');
  const [packet, setPacket] = useState<number>(1);
  const [error, setError] = useState<string | null>(null);
  const tabs = [
    { id: 'packets' as const, label: `Packets (${formatCount(flow.packets ?? 0)})` },
    ...(flow.proto === 'tcp' ? [{ id: 'stream' as const, label: 'Follow TCP stream' }] : []),
  ];
  const active = tabs.some((t) => t.id === tab) ? tab : 'packets';
  if (!hasPackets) {
    return <div className="pane-note">This flow has no packet index in the case yet, so its packets cannot be shown: a flow a live capture is still growing gets it when it ends; a flow imported as a flow record never does.</div>;
  }
  return (
    <div className="packets-pane">
      <TabStrip tabs={tabs} active={active} onChange={setTab} testId="packet-tabs" />
      {error && <div className="pane-note error-text">{error}</div>}
      {active === 'packets' ? (
        <SplitPane
          direction="column"
          storageKey="flowsight.split.packets"
          initial={0.5}
          first={<PacketList flowId={flow.id as number} selected={packet} onSelect={setPacket} onError={(e) => setError(errorText(e))} />}
          second={<HexView flowId={flow.id as number} number={packet} />}
        />
      ) : (
        <FollowStream flowId={flow.id as number} />
      )}
    </div>
  );
}
