import type { Data, Layout } from 'plotly.js';
import type { SessionAnalytics } from '../../../shared/sessions/prediction';

const FONT = { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 11, color: '#1d2430' };
export const NORMAL_COLOUR = '#1e8e3e';
export const SUSPICIOUS_COLOUR = '#c0392b';

const base: Partial<Layout> = {
  font: FONT,
  barmode: 'stack',
  showlegend: true,
  legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', font: { size: 11 } },
  paper_bgcolor: '#ffffff',
  plot_bgcolor: '#ffffff',
  hovermode: 'x unified',
};

function stacked(x: (string | number)[], normal: number[], suspicious: number[], width?: number): Data[] {
  return [
    { type: 'bar', name: 'Normal', x, y: normal, width, marker: { color: NORMAL_COLOUR }, hovertemplate: '%{y:,} Normal<extra></extra>' },
    { type: 'bar', name: 'Suspicious', x, y: suspicious, width, marker: { color: SUSPICIOUS_COLOUR }, hovertemplate: '%{y:,} Suspicious<extra></extra>' },
  ];
}

/** Counts are whole: small ones get a tick per unit instead of plotly's 0.5 steps. */
function countAxis(max: number): Partial<Layout['yaxis']> {
  return { title: { text: 'Predictions', font: { size: 11 } }, rangemode: 'tozero', gridcolor: '#eceff3', zeroline: false, tickformat: ',d', ...(max <= 10 ? { dtick: 1 } : {}) };
}

/** Predictions per time bucket (when they were made), Normal and Suspicious stacked, on a UTC axis. */
export function overTimeFigure(a: SessionAnalytics): { data: Data[]; layout: Partial<Layout> } {
  const x = a.overTime.map((b) => b.start * 1000);
  // A few buckets of margin either side, so a handful of buckets do not fill the axis.
  const range: [number, number] | undefined = x.length ? [x[0] - 2 * a.interval * 1000, x[x.length - 1] + 3 * a.interval * 1000] : undefined;
  return {
    data: stacked(
      x,
      a.overTime.map((b) => b.normal),
      a.overTime.map((b) => b.suspicious),
      // One bucket wide (a lone bucket would otherwise fill the axis).
      a.interval * 1000 * 0.9,
    ),
    layout: {
      ...base,
      margin: { l: 48, r: 12, t: 8, b: 40 },
      xaxis: { type: 'date', range, title: { text: 'Prediction time (UTC)', font: { size: 11 } }, gridcolor: '#eceff3' },
      yaxis: countAxis(Math.max(0, ...a.overTime.map((b) => b.total))),
    },
  };
}

/** Predictions per protocol, most frequent first, Normal and Suspicious stacked. */
export function byProtocolFigure(a: SessionAnalytics): { data: Data[]; layout: Partial<Layout> } {
  const x = a.byProtocol.map((p) => p.protocol);
  return {
    data: stacked(
      x,
      a.byProtocol.map((p) => p.normal),
      a.byProtocol.map((p) => p.suspicious),
    ),
    layout: {
      ...base,
      margin: { l: 48, r: 12, t: 8, b: 32 },
      xaxis: { type: 'category', gridcolor: '#eceff3' },
      yaxis: countAxis(Math.max(0, ...a.byProtocol.map((p) => p.total))),
    },
  };
}
