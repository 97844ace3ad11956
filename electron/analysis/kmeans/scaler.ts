/** How raw features become the space K-Means measures distances in. */
export interface Scaler {
  transform: 'log1p' | 'none';
  scaling: 'standard' | 'robust';
  center: number[];
  scale: number[];
}

function pre(transform: Scaler['transform'], v: number): number {
  // Counts are never negative; a negative value (bad import) is kept off the log's domain edge.
  return transform === 'log1p' ? Math.log1p(Math.max(0, v)) : v;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Fits the scaler on training rows: standard (mean, population standard
 * deviation) or robust (median, interquartile range). A feature with no
 * spread is scaled by 1, so it neither divides by zero nor dominates.
 */
export function fitScaler(rows: number[][], transform: Scaler['transform'], scaling: Scaler['scaling']): Scaler {
  const d = rows[0]?.length ?? 0;
  const center: number[] = [];
  const scale: number[] = [];
  for (let j = 0; j < d; j++) {
    const col = rows.map((r) => pre(transform, r[j]));
    let c: number;
    let s: number;
    if (scaling === 'standard') {
      c = col.reduce((a, b) => a + b, 0) / col.length;
      s = Math.sqrt(col.reduce((a, b) => a + (b - c) ** 2, 0) / col.length);
    } else {
      col.sort((a, b) => a - b);
      c = quantile(col, 0.5);
      s = quantile(col, 0.75) - quantile(col, 0.25);
    }
    center.push(c);
    scale.push(s > 1e-12 ? s : 1);
  }
  return { transform, scaling, center, scale };
}

export function applyScaler(s: Scaler, rows: number[][]): number[][] {
  return rows.map((r) => r.map((v, j) => (pre(s.transform, v) - s.center[j]) / s.scale[j]));
}
