import type { Data, Layout } from 'plotly.js';
import type { AnomalyPoint, AnomalyRun } from '../../../shared/domain/anomaly';
import { formatTime } from '../../format/format-time';

const FONT = { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 11, color: '#1d2430' };

function label(p: AnomalyPoint): string {
  const when = p.windowStart !== null ? `<br>window ${formatTime(p.windowStart).slice(0, 19)}` : '';
  return `${p.ip}${when}<br>cluster ${p.cluster} · distance ${p.distance.toFixed(2)} / threshold ${p.threshold.toFixed(2)}<br>top feature: ${p.topFeature}`;
}

/**
 * Points in the first two principal components of the scaled features:
 * normal points grey, anomalies red, centroids as crosses. Scatter (SVG)
 * traces only: the WebGL ones break the CSP (plot/plotly-bundle.ts). Each
 * marker's customdata is its index in `points`, for click-through.
 */
export function scatterFigure(points: AnomalyPoint[], run: AnomalyRun): { data: Data[]; layout: Partial<Layout> } {
  const trace = (anomaly: boolean): Data => {
    const idx = points.map((p, i) => (p.anomaly === anomaly ? i : -1)).filter((i) => i >= 0);
    return {
      type: 'scatter',
      mode: 'markers',
      name: anomaly ? `Anomalies (${idx.length})` : `Normal (${idx.length})`,
      x: idx.map((i) => points[i].x),
      y: idx.map((i) => points[i].y),
      customdata: idx,
      text: idx.map((i) => label(points[i])),
      hovertemplate: '%{text}<extra></extra>',
      marker: anomaly ? { size: 10, color: '#d03a2f', line: { width: 1, color: '#7a1f17' } } : { size: 6, color: 'rgba(80,96,120,0.45)' },
    };
  };
  const centroids: Data = {
    type: 'scatter',
    mode: 'text+markers',
    name: 'Centroids',
    x: run.centroids.map((c) => c.x),
    y: run.centroids.map((c) => c.y),
    text: run.centroids.map((c) => `C${c.cluster}`),
    textposition: 'top right',
    hovertemplate: run.centroids.map((c) => `centroid ${c.cluster}<br>${c.size} training points<br>threshold ${c.threshold.toFixed(2)}<extra></extra>`),
    marker: { size: 13, symbol: 'x', color: '#1d2430', line: { width: 1, color: '#ffffff' } },
  };
  const pct = (v: number | undefined) => `${((v ?? 0) * 100).toFixed(0)}%`;
  return {
    data: [trace(false), trace(true), centroids],
    layout: {
      font: FONT,
      margin: { l: 52, r: 12, t: 8, b: 40 },
      hovermode: 'closest',
      showlegend: true,
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
      xaxis: { title: { text: `PC1 (${pct(run.explained[0])} of variance)` }, zeroline: false, gridcolor: '#eceff3' },
      yaxis: { title: { text: `PC2 (${pct(run.explained[1])})` }, zeroline: false, gridcolor: '#eceff3' },
      paper_bgcolor: '#ffffff',
      plot_bgcolor: '#ffffff',
    },
  };
}
