import type { Data, Layout } from 'plotly.js';
import type { IoGraph } from '../../../shared/domain/statistics';
import type { TimeRange } from '../../app/applied-scope';
import { formatSeconds } from '../../format/format-time';

const FONT = { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 11, color: '#1d2430' };

/** Epoch seconds as plotly's date axis wants them: milliseconds, read as UTC. */
const ms = (s: number) => s * 1000;

/**
 * A date string from a plotly date axis ("2016-08-02 02:19:41.8953", UTC, no
 * zone) as epoch seconds; plotly also hands back numbers when the axis was
 * given numbers.
 */
export function axisSeconds(v: unknown): number {
  if (typeof v === 'number') return v / 1000;
  const [date, time = '00:00:00'] = String(v).split(' ');
  const [hms, frac = ''] = time.split('.');
  const whole = Date.parse(`${date}T${hms.length === 2 ? `${hms}:00:00` : hms.length === 5 ? `${hms}:00` : hms}Z`) / 1000;
  return whole + (frac ? Number(`0.${frac}`) : 0);
}

/**
 * The applied range, shaded where it overlaps the graph. Clipped to the data,
 * since plotly's autorange would otherwise stretch the axis to a range wider
 * than the flows in it; left out when it covers the whole graph.
 */
function rangeShade(g: IoGraph, range: TimeRange | null): Layout['shapes'] {
  if (!range || g.packets.length === 0) return [];
  const end = g.start + g.packets.length * g.interval;
  const x0 = Math.max(range.from, g.start);
  const x1 = Math.min(range.to, end);
  if (x1 <= x0 || (x0 === g.start && x1 === end)) return [];
  return [{ type: 'rect', xref: 'x', yref: 'paper', x0: ms(x0), x1: ms(x1), y0: 0, y1: 1, fillcolor: 'rgba(47,111,214,0.10)', line: { width: 1, color: 'rgba(47,111,214,0.6)' }, layer: 'below' }];
}

/** Packets and bytes per interval as two lines on a UTC time axis; the applied range is shaded. */
export function ioGraphFigure(g: IoGraph, range: TimeRange | null): { data: Data[]; layout: Partial<Layout> } {
  const x = g.packets.map((_, i) => ms(g.start + i * g.interval));
  const per = formatSeconds(g.interval);
  const data: Data[] = [
    { type: 'scatter', mode: 'lines+markers', name: 'Packets', x, y: g.packets, marker: { size: 3 }, line: { width: 1.5, color: '#2f6fd6' }, hovertemplate: `%{y:,} packets / ${per}<extra></extra>` },
    { type: 'scatter', mode: 'lines+markers', name: 'Bytes', x, y: g.bytes, yaxis: 'y2', marker: { size: 3 }, line: { width: 1.5, color: '#d9822b' }, hovertemplate: `%{y:,} bytes / ${per}<extra></extra>` },
  ];
  const shapes: Layout['shapes'] = rangeShade(g, range);
  const layout: Partial<Layout> = {
    font: FONT,
    margin: { l: 56, r: 64, t: 8, b: 40 },
    dragmode: 'select',
    selectdirection: 'h',
    hovermode: 'x unified',
    showlegend: true,
    legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', font: { size: 11 } },
    xaxis: { type: 'date', title: { text: `Time (UTC) · interval ${per}`, font: { size: 11 } }, zeroline: false, gridcolor: '#eceff3', hoverformat: '%Y-%m-%d %H:%M:%S.%6f' },
    yaxis: { title: { text: `Packets / ${per}`, font: { size: 11 } }, rangemode: 'tozero', gridcolor: '#eceff3', zeroline: false },
    yaxis2: { title: { text: `Bytes / ${per}`, font: { size: 11 } }, overlaying: 'y', side: 'right', rangemode: 'tozero', showgrid: false, zeroline: false },
    shapes,
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
  };
  return { data, layout };
}
