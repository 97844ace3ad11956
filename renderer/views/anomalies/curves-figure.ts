import type { Data, Layout } from 'plotly.js';
import type { KCurve } from '../../../shared/domain/anomaly';

const FONT = { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 11, color: '#1d2430' };

/** The elbow (inertia, left axis) and the mean silhouette (right axis) per k; the suggested k marked. */
export function curvesFigure(c: KCurve): { data: Data[]; layout: Partial<Layout> } {
  const data: Data[] = [
    { type: 'scatter', mode: 'lines+markers', name: 'Inertia (elbow)', x: c.ks, y: c.inertia, line: { color: '#2f6fd6', width: 1.5 }, marker: { size: 5 }, hovertemplate: 'k = %{x}<br>inertia %{y:.1f}<extra></extra>' },
    { type: 'scatter', mode: 'lines+markers', name: 'Silhouette', x: c.ks, y: c.silhouette, yaxis: 'y2', line: { color: '#d9822b', width: 1.5 }, marker: { size: 5 }, hovertemplate: 'k = %{x}<br>silhouette %{y:.3f}<extra></extra>' },
  ];
  return {
    data,
    layout: {
      font: FONT,
      margin: { l: 52, r: 52, t: 8, b: 36 },
      showlegend: true,
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
      xaxis: { title: { text: `k (sample of ${c.sampled} of ${c.points} points)` }, dtick: 1, gridcolor: '#eceff3', zeroline: false },
      yaxis: { title: { text: 'Inertia' }, rangemode: 'tozero', gridcolor: '#eceff3', zeroline: false },
      yaxis2: { title: { text: 'Silhouette' }, overlaying: 'y', side: 'right', showgrid: false, zeroline: false, tickformat: '.2f' },
      shapes: [{ type: 'line', xref: 'x', yref: 'paper', x0: c.suggestedK, x1: c.suggestedK, y0: 0, y1: 1, line: { color: '#1e8e3e', width: 1, dash: 'dot' } }],
      paper_bgcolor: '#ffffff',
      plot_bgcolor: '#ffffff',
    },
  };
}
