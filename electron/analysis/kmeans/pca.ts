/**
 * Principal components of a few features by power iteration on their
 * covariance matrix, with deflation: for a handful of dimensions this is
 * exact enough and needs no linear-algebra package. The components' signs
 * are fixed (largest loading positive) so the same data draws the same plot.
 */
export interface Pca {
  mean: number[];
  components: number[][];
  /** Share of the total variance each component explains. */
  explained: number[];
}

export function fitPca(points: number[][], count = 2): Pca {
  const d = points[0]?.length ?? 0;
  const n = points.length;
  const mean = new Array<number>(d).fill(0);
  for (const p of points) for (let j = 0; j < d; j++) mean[j] += p[j] / n;
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const p of points) {
    for (let a = 0; a < d; a++) {
      const da = p[a] - mean[a];
      for (let b = a; b < d; b++) cov[a][b] += (da * (p[b] - mean[b])) / Math.max(1, n - 1);
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[a][b] = cov[b][a];
  const total = cov.reduce((s, row, i) => s + row[i], 0);
  const components: number[][] = [];
  const explained: number[] = [];
  for (let c = 0; c < Math.min(count, d); c++) {
    const { vector, value } = dominantEigen(cov);
    components.push(vector);
    explained.push(total > 0 ? Math.max(0, value) / total : 0);
    // Deflate: remove this component's share so the next iteration finds the next one.
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov[a][b] -= value * vector[a] * vector[b];
  }
  while (components.length < count) {
    components.push(new Array<number>(d).fill(0));
    explained.push(0);
  }
  return { mean, components, explained };
}

function dominantEigen(m: number[][]): { vector: number[]; value: number } {
  const d = m.length;
  // A fixed, non-degenerate start keeps the result deterministic.
  let v = Array.from({ length: d }, (_, i) => 1 + i / (d + 1));
  let value = 0;
  for (let it = 0; it < 500; it++) {
    const w = m.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
    const norm = Math.hypot(...w);
    if (norm < 1e-15) return { vector: v.map(() => 0), value: 0 };
    const next = w.map((x) => x / norm);
    const delta = next.reduce((s, x, j) => s + Math.abs(x - v[j]), 0);
    v = next;
    value = norm;
    if (delta < 1e-12) break;
  }
  let big = 0;
  for (let j = 1; j < d; j++) if (Math.abs(v[j]) > Math.abs(v[big])) big = j;
  if (v[big] < 0) v = v.map((x) => -x);
  return { vector: v, value };
}

export function project(pca: Pca, p: number[]): [number, number] {
  const [c1, c2] = pca.components;
  let x = 0;
  let y = 0;
  for (let j = 0; j < p.length; j++) {
    const dj = p[j] - pca.mean[j];
    x += dj * c1[j];
    y += dj * c2[j];
  }
  return [x, y];
}
