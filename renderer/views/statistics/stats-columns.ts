import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { ConversationRow, EndpointRow } from '../../../shared/domain/statistics';
import { compareAddressText } from '../../../shared/net/address-order';
import { formatCount } from '../../format/format-number';
import { formatTime } from '../../format/format-time';

const count = (p: ValueFormatterParams) => (typeof p.value === 'number' ? formatCount(p.value) : '');
const n = (field: string, headerName: string, headerTooltip?: string): ColDef => ({ field, headerName, headerTooltip, type: 'numericColumn', valueFormatter: count, width: 108 });

/** Wireshark's Conversations (IP), over flows. */
export const conversationColumns: ColDef<ConversationRow>[] = [
  { field: 'a', headerName: 'Address A', width: 190, pinned: 'left', comparator: compareAddressText },
  { field: 'aName', headerName: 'Name A', width: 170, tooltipField: 'aName' },
  { field: 'b', headerName: 'Address B', width: 190, comparator: compareAddressText },
  { field: 'bName', headerName: 'Name B', width: 170, tooltipField: 'bName' },
  n('flows', 'Flows') as ColDef<ConversationRow>,
  n('packets', 'Packets') as ColDef<ConversationRow>,
  n('bytes', 'Bytes', 'Frame bytes on the wire') as ColDef<ConversationRow>,
  n('packetsAtoB', 'Packets A→B') as ColDef<ConversationRow>,
  n('bytesAtoB', 'Bytes A→B') as ColDef<ConversationRow>,
  n('packetsBtoA', 'Packets B→A') as ColDef<ConversationRow>,
  n('bytesBtoA', 'Bytes B→A') as ColDef<ConversationRow>,
  { field: 'start', headerName: 'Start (UTC)', width: 200, valueFormatter: (p) => (typeof p.value === 'number' ? formatTime(p.value) : '') },
  { field: 'duration', headerName: 'Duration (s)', width: 110, type: 'numericColumn', valueFormatter: (p) => (typeof p.value === 'number' ? p.value.toFixed(6) : '') },
];

/** Wireshark's Endpoints (IP), over flows. */
export const endpointColumns: ColDef<EndpointRow>[] = [
  { field: 'address', headerName: 'Address', width: 210, pinned: 'left', comparator: compareAddressText },
  { field: 'name', headerName: 'Name', width: 220, tooltipField: 'name' },
  n('flows', 'Flows') as ColDef<EndpointRow>,
  n('packets', 'Packets') as ColDef<EndpointRow>,
  n('bytes', 'Bytes', 'Frame bytes on the wire') as ColDef<EndpointRow>,
  n('txPackets', 'Tx packets', 'Sent by this address') as ColDef<EndpointRow>,
  n('txBytes', 'Tx bytes', 'Sent by this address') as ColDef<EndpointRow>,
  n('rxPackets', 'Rx packets', 'Received by this address') as ColDef<EndpointRow>,
  n('rxBytes', 'Rx bytes', 'Received by this address') as ColDef<EndpointRow>,
];
