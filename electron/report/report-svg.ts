import { esc } from './html-escape';

const WIDTH = 640;
const FONT = 'font-family="system-ui, sans-serif" font-size="11"';

/** Horizontal bars, one per row, labelled with the key and the value: an inline SVG (no script, no fonts to fetch). */
export function barChartSvg(title: string, rows: { key: string; value: number }[], unit: string): string {
  const rowH = 18;
  const labelW = 170;
  const height = 24 + rows.length * rowH + 6;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const bars = rows
    .map((r, i) => {
      const y = 24 + i * rowH;
      const w = Math.round(((WIDTH - labelW - 90) * r.value) / max);
      return `<text x="${labelW - 6}" y="${y + 12}" text-anchor="end" ${FONT}>${esc(r.key.length > 28 ? `${r.key.slice(0, 27)}…` : r.key)}</text><rect x="${labelW}" y="${y + 2}" width="${Math.max(w, 1)}" height="${rowH - 5}" fill="#2f6fd6"/><text x="${labelW + w + 5}" y="${y + 12}" ${FONT}>${esc(r.value.toLocaleString('en-US'))} ${esc(unit)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"><text x="0" y="14" font-weight="700" ${FONT}>${esc(title)}</text>${bars}</svg>`;
}

/** Flows starting per time bin, as columns, with the first and last time under the axis. */
export function timelineSvg(title: string, bins: { start: number; end: number; flows: number }[], timeText: (t: number) => string): string {
  const height = 170;
  const top = 24;
  const plotH = 110;
  const max = Math.max(1, ...bins.map((b) => b.flows));
  const colW = bins.length ? (WIDTH - 50) / bins.length : 0;
  const cols = bins
    .map((b, i) => {
      const h = Math.round((plotH * b.flows) / max);
      return `<rect x="${(45 + i * colW).toFixed(1)}" y="${top + plotH - h}" width="${Math.max(colW - 2, 1).toFixed(1)}" height="${h}" fill="#2f6fd6"><title>${esc(`${timeText(b.start)}: ${b.flows} flows`)}</title></rect>`;
    })
    .join('');
  const axis = `<line x1="44" y1="${top + plotH}" x2="${WIDTH - 4}" y2="${top + plotH}" stroke="#667085"/><text x="40" y="${top + 8}" text-anchor="end" ${FONT}>${max}</text><text x="40" y="${top + plotH}" text-anchor="end" ${FONT}>0</text>`;
  const ends = bins.length ? `<text x="45" y="${top + plotH + 16}" ${FONT}>${esc(timeText(bins[0].start))}</text><text x="${WIDTH - 4}" y="${top + plotH + 16}" text-anchor="end" ${FONT}>${esc(timeText(bins[bins.length - 1].end))}</text>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"><text x="0" y="14" font-weight="700" ${FONT}>${esc(title)}</text>${axis}${cols}${ends}</svg>`;
}
