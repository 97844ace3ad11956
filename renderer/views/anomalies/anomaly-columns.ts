import type { ColDef } from 'ag-grid-community';
import { hostFeatures, type AnomalyPoint, type HostFeatureName } from '../../../shared/domain/anomaly';
import { compareAddressText } from '../../../shared/net/address-order';
import { formatBytes, formatCount } from '../../format/format-number';
import { formatTime } from '../../format/format-time';

const featureLabel = new Map<string, string>(hostFeatures.map((f) => [f.name, f.label]));

function featureValue(name: HostFeatureName, v: number | undefined): string {
  if (v === undefined) return '';
  if (name === 'bytes' || name === 'upload_bytes') return formatBytes(v);
  if (name === 'mean_duration') return `${v.toFixed(3)} s`;
  return formatCount(v);
}

/** The scored hosts: verdict, distance against threshold, the feature behind it, and the raw features. */
export function anomalyColumns(features: HostFeatureName[], windowed: boolean): ColDef<AnomalyPoint>[] {
  return [
    { field: 'ip', headerName: 'Host', width: 170, pinned: 'left', comparator: compareAddressText },
    ...(windowed ? [{ field: 'windowStart' as const, headerName: 'Window (UTC)', width: 170, valueFormatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatTime(p.value).slice(0, 19) : '') }] : []),
    { field: 'anomaly', headerName: 'Verdict', width: 95, valueFormatter: (p) => (p.value ? 'anomaly' : 'normal'), cellClass: (p) => (p.value ? 'verdict-anomaly' : 'verdict-normal'), sort: 'desc', sortIndex: 0 },
    { field: 'distance', headerName: 'Distance', width: 95, type: 'numericColumn', valueFormatter: (p) => (typeof p.value === 'number' ? p.value.toFixed(3) : ''), sort: 'desc', sortIndex: 1 },
    { field: 'threshold', headerName: 'Threshold', width: 95, type: 'numericColumn', valueFormatter: (p) => (typeof p.value === 'number' ? p.value.toFixed(3) : '') },
    { field: 'cluster', headerName: 'Cluster', width: 80, type: 'numericColumn' },
    { field: 'topFeature', headerName: 'Top feature', width: 170, valueFormatter: (p) => featureLabel.get(String(p.value)) ?? String(p.value), headerTooltip: 'The feature with the largest scaled difference from the nearest centroid' },
    ...features.map(
      (name): ColDef<AnomalyPoint> => ({
        colId: `f-${name}`,
        headerName: featureLabel.get(name) ?? name,
        width: 130,
        type: 'numericColumn',
        valueGetter: (p) => p.data?.features[name],
        valueFormatter: (p) => featureValue(name, p.value as number | undefined),
      }),
    ),
  ];
}
