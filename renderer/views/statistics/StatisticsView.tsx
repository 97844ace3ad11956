import { useMemo, useState } from 'react';
import type { ConversationRow, EndpointRow } from '../../../shared/domain/statistics';
import { useCall } from '../../api/use-call';
import { toFlowScope, type AppliedScope, type TimeRange } from '../../app/applied-scope';
import { addressFilter, conversationFilter } from '../../format/filter-text';
import { formatCount } from '../../format/format-number';
import { TabStrip } from '../../layout/TabStrip';
import { BreakdownPanel } from './BreakdownPanel';
import { IoGraphPanel } from './IoGraphPanel';
import { conversationColumns, endpointColumns } from './stats-columns';
import { StatsTable } from './StatsTable';

const LIMIT = 10_000;

type Tab = 'conversations' | 'endpoints' | 'breakdown';

interface Props {
  scope: AppliedScope;
  onRange: (range: TimeRange | null) => void;
  onFilter: (filter: string) => void;
}

/** Wireshark's Statistics menu over flows: I/O graph, conversations, endpoints, protocol and app breakdown. */
export default function StatisticsView({ scope, onRange, onFilter }: Props) {
  const [tab, setTab] = useState<Tab>('conversations');
  const input = useMemo(() => ({ scope: toFlowScope(scope), limit: LIMIT }), [scope]);
  const conversations = useCall('stats.conversations', input);
  const endpoints = useCall('stats.endpoints', input);
  const tabs = [
    { id: 'conversations' as const, label: `Conversations${conversations.data ? ` (${formatCount(conversations.data.length)})` : ''}` },
    { id: 'endpoints' as const, label: `Endpoints${endpoints.data ? ` (${formatCount(endpoints.data.length)})` : ''}` },
    { id: 'breakdown' as const, label: 'Protocols & apps' },
  ];
  return (
    <div className="stats-view" data-testid="statistics">
      <IoGraphPanel scope={scope} onRange={onRange} />
      <section className="panel stats-lower">
        <TabStrip tabs={tabs} active={tab} onChange={setTab} testId="stats-tabs" />
        {tab === 'conversations' && (
          <StatsTable<ConversationRow>
            rows={conversations.data}
            error={conversations.error}
            columns={conversationColumns}
            noun="conversations"
            limit={LIMIT}
            testId="conversations"
            onFilter={(r) => onFilter(conversationFilter(r.a, r.b))}
          />
        )}
        {tab === 'endpoints' && (
          <StatsTable<EndpointRow> rows={endpoints.data} error={endpoints.error} columns={endpointColumns} noun="endpoints" limit={LIMIT} testId="endpoints" onFilter={(r) => onFilter(addressFilter(r.address))} />
        )}
        {tab === 'breakdown' && <BreakdownPanel scope={scope} onFilter={onFilter} />}
      </section>
    </div>
  );
}
