import type { Data, Layout } from 'plotly.js';
import type { HostProfile } from '../../../shared/domain/hosts';
import { formatSeconds } from '../../format/format-time';

const FONT = { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 11, color: '#1d2430' };
const SENT = '#2f6fd6';
const RECEIVED = '#d9822b';
const base = (title: string, extra: Partial<Layout> = {}): Partial<Layout> => ({
  font: FONT,
  title: { text: title, font: { size: 12 }, x: 0.01, xanchor: 'left' },
  margin: { l: 52, r: 12, t: 28, b: 40 },
  paper_bgcolor: 'rgba(0,0,0,0)',
  plot_bgcolor: 'rgba(0,0,0,0)',
  showlegend: true,
  legend: { orientation: 'h', x: 1, xanchor: 'right', y: 1.12 },
  ...extra,
});
export type Figure = { data: Data[]; layout: Partial<Layout> };

/** Frame sizes in 64-byte bins, sent and received side by side. */
export function sizeFigure(p: HostProfile): Figure {
  const w = p.packets.size.binWidth;
  const last = p.packets.size.sent.length - 1;
  // Bars centred on their bins; the last bin holds everything larger.
  const x = p.packets.size.sent.map((_, i) => i * w + w / 2);
  const text = p.packets.size.sent.map((_, i) => (i === last ? `≥${i * w}` : `${i * w}–${(i + 1) * w - 1}`));
  const trace = (name: string, y: number[], color: string): Data => ({ type: 'bar', name, x, y, text, textposition: 'none', width: w, marker: { color, opacity: 0.75 }, hovertemplate: `%{text} B: %{y:,} packets<extra>${name.toLowerCase()}</extra>` });
  return {
    data: [trace('Sent', p.packets.size.sent, SENT), trace('Received', p.packets.size.received, RECEIVED)],
    layout: base('Packet sizes (bytes)', { barmode: 'overlay', xaxis: { range: [0, (last + 1) * w], dtick: 256 }, yaxis: { title: { text: 'packets' } } }),
  };
}

/** Inter-arrival times in log-spaced bins, labelled by their upper edge. */
export function iatFigure(p: HostProfile): Figure {
  const { edges, counts } = p.packets.iat;
  const x = counts.map((_, i) => (i < edges.length ? `≤${formatSeconds(edges[i])}` : `>${formatSeconds(edges[edges.length - 1])}`));
  return {
    data: [{ type: 'bar', name: 'Gaps', x, y: counts, marker: { color: '#5a8f3c' }, hovertemplate: '%{x}: %{y:,}<extra></extra>' }],
    layout: base('Inter-arrival times', { showlegend: false, xaxis: { type: 'category', tickangle: -45 }, yaxis: { title: { text: 'gaps' } }, margin: { l: 52, r: 12, t: 28, b: 64 } }),
  };
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Flows started per hour of day and weekday, in the case's time zone. */
export function heatmapFigure(p: HostProfile): Figure {
  return {
    data: [
      {
        type: 'heatmap',
        z: p.heatmap.flows,
        x: Array.from({ length: 24 }, (_, h) => h),
        y: WEEKDAYS,
        colorscale: [
          [0, '#f4f6fa'],
          [1, '#1f4fa3'],
        ],
        hovertemplate: '%{y} %{x}:00: %{z:,} flows<extra></extra>',
        xgap: 1,
        ygap: 1,
      },
    ],
    layout: base(`When (flows started, ${p.heatmap.timeZone})`, { showlegend: false, xaxis: { dtick: 2, title: { text: 'hour' } }, yaxis: { autorange: 'reversed', ticks: '' } }),
  };
}

/** Flows started per interval, stacked by service category: usage frequency over time. */
export function activityFigure(p: HostProfile): Figure {
  const a = p.activity;
  const n = a.bytes.length;
  const x = Array.from({ length: n }, (_, i) => (a.start + i * a.interval) * 1000);
  return {
    data: a.categories.map((c, i) => ({ type: 'bar' as const, name: c, x, y: a.flows[i], hovertemplate: `%{y:,} flows<extra>${c}</extra>` })),
    layout: base(`Services over time (flows per ${formatSeconds(a.interval)})`, {
      barmode: 'stack',
      bargap: 0.05,
      xaxis: { type: 'date' },
      yaxis: { title: { text: 'flows' } },
      legend: { orientation: 'v', x: 1.02, xanchor: 'left', y: 1 },
      margin: { l: 52, r: 8, t: 28, b: 40 },
    }),
  };
}

/** Bytes per service category (access patterns), largest first. */
export function categoryFigure(p: HostProfile): Figure {
  const cats = [...p.categories].reverse();
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        x: cats.map((c) => c.bytes),
        y: cats.map((c) => c.key),
        text: cats.map((c) => `${c.flows} flow${c.flows === 1 ? '' : 's'}`),
        textposition: 'auto',
        marker: { color: '#7a5bb5' },
        hovertemplate: '%{y}: %{x:,} bytes, %{text}<extra></extra>',
      },
    ],
    layout: base('Service categories (bytes)', { showlegend: false, margin: { l: 110, r: 12, t: 28, b: 36 } }),
  };
}

/** Remote endpoints' countries on a world map (offline topojson), shaded by flows. */
export function countryFigure(p: HostProfile): Figure {
  const located = p.countries.filter((c) => c.iso3);
  return {
    data: [
      {
        type: 'choropleth',
        locationmode: 'ISO-3',
        locations: located.map((c) => c.iso3!),
        z: located.map((c) => c.flows),
        text: located.map((c) => `${c.name}: ${c.flows} flows, ${c.addresses} address${c.addresses === 1 ? '' : 'es'}`),
        hovertemplate: '%{text}<extra></extra>',
        colorscale: [
          [0, '#c9dbf5'],
          [1, '#1f4fa3'],
        ],
        marker: { line: { color: '#ffffff', width: 0.5 } },
        zmin: 0,
        zmax: Math.max(1, ...located.map((c) => c.flows)),
        colorbar: { thickness: 10, title: { text: 'flows' } },
      } as Data,
    ],
    layout: base('Remote endpoints by country', {
      showlegend: false,
      margin: { l: 4, r: 4, t: 28, b: 4 },
      geo: {
        projection: { type: 'natural earth', rotation: { lon: 0 } },
        center: { lon: 0, lat: 10 },
        lonaxis: { range: [-180, 180] },
        lataxis: { range: [-60, 85] },
        showframe: false,
        showcoastlines: false,
        showcountries: true,
        countrycolor: '#d0d5dd',
        showland: true,
        landcolor: '#f1f3f6',
        bgcolor: 'rgba(0,0,0,0)',
      },
    }),
  };
}
