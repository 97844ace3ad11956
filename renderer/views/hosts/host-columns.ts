import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { HostSummary } from '../../../shared/domain/hosts';
import { compareAddressText } from '../../../shared/net/address-order';
import { formatBytes, formatCount } from '../../format/format-number';
import { formatTime } from '../../format/format-time';

const count = (p: ValueFormatterParams) => (typeof p.value === 'number' ? formatCount(p.value) : '');
const bytes = (p: ValueFormatterParams) => (typeof p.value === 'number' ? formatBytes(p.value) : '');
const time = (p: ValueFormatterParams) => (typeof p.value === 'number' ? formatTime(p.value) : '');
const n = (field: keyof HostSummary, headerName: string, headerTooltip?: string, width = 100): ColDef<HostSummary> => ({ field, headerName, headerTooltip, type: 'numericColumn', valueFormatter: count, width });
const b = (field: keyof HostSummary, headerName: string, headerTooltip?: string): ColDef<HostSummary> => ({ field, headerName, headerTooltip, type: 'numericColumn', valueFormatter: bytes, width: 110 });

/** The Hosts table: one user record per device identity, the numbers that rank and compare them. */
export const hostColumns: ColDef<HostSummary>[] = [
  { field: 'name', headerName: 'Name', width: 160, pinned: 'left', tooltipField: 'name', headerTooltip: 'DHCP or DNS host name' },
  {
    colId: 'address',
    headerName: 'Addresses',
    width: 220,
    valueGetter: (p) => p.data?.ips.join(', ') ?? '',
    tooltipValueGetter: (p) => p.data?.ips.join('\n') ?? '',
    // By the value of the first address.
    comparator: (_a, _b, x, y) => compareAddressText(x.data?.ips[0] ?? null, y.data?.ips[0] ?? null),
  },
  { field: 'mac', headerName: 'MAC', width: 150 },
  { field: 'local', headerName: 'Local', width: 74, headerTooltip: 'Every address is in the local networks' },
  n('flows', 'Flows'),
  b('bytes', 'Bytes', 'Both directions (flow logs with totals only count here)'),
  b('bytesSent', 'Sent', 'Frame bytes this host sent'),
  b('bytesReceived', 'Received', 'Frame bytes this host received'),
  n('packets', 'Packets'),
  n('sessions', 'Sessions', 'Activity split by idle gaps'),
  n('peers', 'Peers', 'Distinct addresses it talked to', 80),
  n('uniqueDstPorts', 'Dst ports', 'Distinct destination ports', 90),
  { field: 'topCategory', headerName: 'Top category', width: 130, headerTooltip: 'Service category with the most bytes' },
  { field: 'topApp', headerName: 'Top app', width: 120 },
  n('countries', 'Countries', 'Countries of its remote peers (DB-IP)', 90),
  n('interactiveSessions', 'SSH/Telnet', 'Interactive sessions it took part in', 96),
  { field: 'typingCpm', headerName: 'Typing (cpm)', width: 110, type: 'numericColumn', headerTooltip: 'Characters per minute over its typing runs', valueFormatter: (p) => (typeof p.value === 'number' ? p.value.toFixed(0) : '') },
  { field: 'firstTs', headerName: 'First seen (UTC)', width: 190, valueFormatter: time },
  { field: 'lastTs', headerName: 'Last seen (UTC)', width: 190, valueFormatter: time },
];
