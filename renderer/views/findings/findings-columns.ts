import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { Finding } from '../../../shared/domain/findings';
import { formatCount } from '../../format/format-number';
import { formatSeconds, formatTime } from '../../format/format-time';

const SEVERITY_RANK = { high: 3, medium: 2, low: 1 } as const;

/** Several addresses as "a, b, … (n)"; the full list is in the tooltip. */
function hosts(one: string | null, all: string[]): string {
  if (one !== null) return one;
  return all.length <= 2 ? all.join(', ') : `${all.slice(0, 2).join(', ')}, … (${formatCount(all.length)})`;
}

export function kindTitle(kind: string, titles: Map<string, string>): string {
  return titles.get(kind) ?? kind;
}

/** The findings list: what, how bad, when, who, the numbers, and why. */
export function findingColumns(titles: Map<string, string>): ColDef<Finding>[] {
  return [
    {
      field: 'severity',
      headerName: 'Severity',
      width: 90,
      comparator: (a: Finding['severity'], b: Finding['severity']) => SEVERITY_RANK[a] - SEVERITY_RANK[b],
      cellClass: (p) => `severity severity-${p.value as string}`,
    },
    { field: 'kind', headerName: 'Finding', width: 190, valueFormatter: (p: ValueFormatterParams<Finding>) => kindTitle(String(p.value), titles) },
    { field: 'startTs', headerName: 'Start (UTC)', width: 200, sort: 'asc', valueFormatter: (p) => (typeof p.value === 'number' ? formatTime(p.value) : '') },
    { colId: 'duration', headerName: 'Duration', width: 95, type: 'numericColumn', valueGetter: (p) => (p.data ? p.data.endTs - p.data.startTs : null), valueFormatter: (p) => (typeof p.value === 'number' ? formatSeconds(p.value) : '') },
    { colId: 'source', headerName: 'Source', width: 200, valueGetter: (p) => (p.data ? hosts(p.data.srcIp, p.data.srcIps) : ''), tooltipValueGetter: (p) => p.data?.srcIps.join(' ') },
    { colId: 'target', headerName: 'Target', width: 200, valueGetter: (p) => (p.data ? hosts(p.data.dstIp, p.data.dstIps) : ''), tooltipValueGetter: (p) => p.data?.dstIps.join(' ') },
    { colId: 'port', headerName: 'Port', width: 85, valueGetter: (p) => (p.data && p.data.dstPort !== null ? `${p.data.proto ?? ''}/${p.data.dstPort}` : '') },
    { field: 'count', headerName: 'Count', width: 80, type: 'numericColumn', valueFormatter: (p) => (typeof p.value === 'number' ? formatCount(p.value) : ''), headerTooltip: 'The number the threshold applies to: ports, hosts, SYNs, retransmissions, duplicates, resets or connections' },
    { field: 'flowCount', headerName: 'Flows', width: 75, type: 'numericColumn', valueFormatter: (p) => (typeof p.value === 'number' ? formatCount(p.value) : '') },
    { field: 'explanation', headerName: 'Explanation', flex: 1, minWidth: 300, tooltipField: 'explanation', cellClass: 'explanation' },
  ];
}
