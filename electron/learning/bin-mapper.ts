import type { FeatureMatrix } from './feature-matrix';

/**
 * Histogram binning, as LightGBM and XGBoost's `hist` do: each feature's values
 * are cut into at most `maxBins` ranges at quantiles of its distinct values,
 * so a split search scans at most 255 candidate thresholds per feature instead
 * of sorting every row (ml-random-forest's quadratic search). Bin b holds the
 * values v with edges[b-1] < v <= edges[b]; missing values (NaN) get the bin
 * after the last (`edges.length + 1`, at most 255). A split after bin b keeps
 * its edge as the threshold on raw values, so trained trees never need bins.
 */
export class BinMapper {
  private constructor(readonly edges: readonly Float64Array[]) {}

  /**
   * Fits each feature's edges on `m` and bins `m` in the same pass: the
   * column is sorted once (a radix sort on the float bits, as typed-array
   * sort is far slower), edges come from the sorted run of distinct values,
   * and one sweep along the sorted order hands out the bins.
   */
  static fitTransform(m: FeatureMatrix, maxBins = 255): { mapper: BinMapper; data: BinnedData } {
    const F = m.features.length;
    const n = m.rows;
    // 254 value bins at most, so the missing bin (index binCount) still fits a byte.
    const cap = Math.min(254, Math.max(2, maxBins));
    const edges: Float64Array[] = [];
    const bins = new Uint8Array(F * n);
    const sorter = new RadixSorter(n);
    const columns = transpose(m.X, n, F);
    for (let f = 0; f < F; f++) {
      let present = 0;
      const col = columns.subarray(f * n, f * n + n);
      const order = sorter.argsort(col);
      // NaN sorts last (its bits are above +Infinity's); the missing rows are the tail.
      while (present < n && col[order[present]] === col[order[present]]) present++;
      const e = featureEdges(col, order, present, cap);
      edges.push(e);
      const base = f * n;
      let b = 0;
      for (let q = 0; q < present; q++) {
        const v = col[order[q]];
        while (b < e.length && e[b] < v) b++;
        bins[base + order[q]] = b;
      }
      for (let q = present; q < n; q++) bins[base + order[q]] = e.length + 1;
    }
    const mapper = new BinMapper(edges);
    return { mapper, data: { rows: n, features: F, bins, binCounts: Int32Array.from(edges, (x) => x.length + 1), edges } };
  }

  /** Bins per feature, excluding the missing bin (whose index this is). */
  binCount(f: number): number {
    return this.edges[f].length + 1;
  }

  /** Bins other rows with these edges (column-major, as fitTransform). */
  transform(m: FeatureMatrix): Uint8Array {
    const F = m.features.length;
    const out = new Uint8Array(F * m.rows);
    for (let f = 0; f < F; f++) {
      const e = this.edges[f];
      const base = f * m.rows;
      for (let r = 0; r < m.rows; r++) out[base + r] = binOf(e, m.X[r * F + f]);
    }
    return out;
  }
}

/**
 * Binned training rows, column-major: `bins[f * rows + r]`. Feature f has
 * `binCounts[f]` value bins; index `binCounts[f]` is its missing bin.
 */
export interface BinnedData {
  rows: number;
  features: number;
  bins: Uint8Array;
  binCounts: Int32Array;
  edges: readonly Float64Array[];
}

export function binOf(edges: Float64Array, v: number): number {
  if (v !== v) return edges.length + 1;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Edges between distinct values (in sorted `order`, the first `present` not missing): all of them when few, else at quantiles of the rows. */
function featureEdges(col: Float32Array, order: Uint32Array, present: number, maxBins: number): Float64Array {
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let q = 0; q < present; q++) {
    const v = col[order[q]];
    if (q > 0 && v === distinct[distinct.length - 1]) counts[counts.length - 1]++;
    else {
      distinct.push(v);
      counts.push(1);
    }
  }
  if (distinct.length <= 1) return new Float64Array(0);
  const cut: number[] = [];
  if (distinct.length <= maxBins) {
    for (let i = 0; i + 1 < distinct.length; i++) cut.push(i);
  } else {
    // Close a bin once it holds its share of the rows; a value heavier than a share gets a bin of its own.
    const share = present / maxBins;
    let acc = 0;
    let next = share;
    for (let i = 0; i + 1 < distinct.length && cut.length < maxBins - 1; i++) {
      acc += counts[i];
      if (acc >= next) {
        cut.push(i);
        while (next <= acc) next += share;
      }
    }
  }
  return Float64Array.from(cut, (i) => midpoint(distinct[i], distinct[i + 1]));
}

/**
 * LSD radix argsort of float32 values in three 11-bit passes over their bits,
 * flipped so that unsigned order is numeric order (negatives reversed); NaN
 * (positive quiet NaN, as arithmetic produces) sorts after +Infinity.
 */
class RadixSorter {
  private readonly keys: Uint32Array;
  private readonly keys2: Uint32Array;
  private readonly idx: Uint32Array;
  private readonly idx2: Uint32Array;
  private readonly counts = new Uint32Array(2048);

  constructor(n: number) {
    this.keys = new Uint32Array(n);
    this.keys2 = new Uint32Array(n);
    this.idx = new Uint32Array(n);
    this.idx2 = new Uint32Array(n);
  }

  argsort(values: Float32Array): Uint32Array {
    const n = values.length;
    const bits = new Uint32Array(values.buffer, values.byteOffset, n);
    let k = this.keys;
    let k2 = this.keys2;
    let ix = this.idx;
    let ix2 = this.idx2;
    for (let i = 0; i < n; i++) {
      const b = bits[i];
      k[i] = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
      ix[i] = i;
    }
    for (let shift = 0; shift < 32; shift += 11) {
      const c = this.counts;
      c.fill(0);
      for (let i = 0; i < n; i++) c[(k[i] >>> shift) & 2047]++;
      let sum = 0;
      for (let d = 0; d < 2048; d++) {
        const t = c[d];
        c[d] = sum;
        sum += t;
      }
      for (let i = 0; i < n; i++) {
        const d = (k[i] >>> shift) & 2047;
        const p = c[d]++;
        k2[p] = k[i];
        ix2[p] = ix[i];
      }
      [k, k2] = [k2, k];
      [ix, ix2] = [ix2, ix];
    }
    return ix;
  }
}

/** Row-major to column-major in blocks of rows, so both sides stay in cache (a strided gather per feature reads the whole matrix each time). */
function transpose(X: Float32Array, n: number, F: number): Float32Array {
  const out = new Float32Array(n * F);
  const B = 64;
  for (let r0 = 0; r0 < n; r0 += B) {
    const r1 = Math.min(n, r0 + B);
    for (let f = 0; f < F; f++) {
      const base = f * n;
      for (let r = r0; r < r1; r++) out[base + r] = X[r * F + f];
    }
  }
  return out;
}

/** Halfway between two distinct values; the lower one when that is not finite (infinite rates). */
function midpoint(a: number, b: number): number {
  const m = a + (b - a) / 2;
  return Number.isFinite(m) && m > a && m < b ? m : Number.isFinite(a) ? a : b;
}
