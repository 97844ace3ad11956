import type { Data, Layout } from 'plotly.js';
import type { BreakdownRow } from '../../../shared/domain/statistics';
import { formatBytes, formatCount } from '../../format/format-number';

export type Metric = 'bytes' | 'packets' | 'flows';

export const NONE = '(none)';

/** Horizontal bars, largest on top, with each bar's value written on it. */
export function breakdownFigure(rows: BreakdownRow[], metric: Metric): { data: Data[]; layout: Partial<Layout> } {
  const shown = rows.slice(0, 25).reverse();
  const values = shown.map((r) => r[metric]);
  const data: Data[] = [
    {
      type: 'bar',
      orientation: 'h',
      y: shown.map((r) => r.key ?? NONE),
      x: values,
      text: values.map((v) => (metric === 'bytes' ? formatBytes(v) : formatCount(v))),
      textposition: 'outside',
      cliponaxis: false,
      marker: { color: '#2f6fd6' },
      hovertemplate: `%{y}: %{x:,} ${metric}<extra></extra>`,
    },
  ];
  const layout: Partial<Layout> = {
    font: { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 11, color: '#1d2430' },
    margin: { l: 130, r: 72, t: 8, b: 32 },
    xaxis: { title: { text: metric, font: { size: 11 } }, gridcolor: '#eceff3', zeroline: false },
    yaxis: { automargin: true, ticksuffix: '  ', tickfont: { family: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', size: 11 } },
    // A few categories should not become slabs.
    bargap: shown.length < 8 ? 0.55 : 0.25,
    dragmode: false,
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
  };
  return { data, layout };
}
