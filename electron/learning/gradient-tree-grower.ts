import type { BinnedData } from './bin-mapper';
import { splitThreshold } from './split-threshold';
import { TreeBuilder } from './tree-model';

export interface GradientTreeOptions {
  maxDepth: number;
  /** Least hessian sum on each side of a split. */
  minChildWeight: number;
  /** L2 penalty on leaf values. */
  l2: number;
  /** Multiplies every leaf value (the learning rate, folded in). */
  scale: number;
}

interface Best {
  gain: number;
  feature: number;
  bin: number;
  missingLeft: boolean;
  GL: number;
  HL: number;
}

/**
 * Grows one regression tree on gradients and hessians, XGBoost's `hist` way:
 * per node a histogram of gradient and hessian sums per feature bin, split
 * gain GL²/(HL+λ) + GR²/(HR+λ) − G²/(H+λ), leaf value −G/(H+λ). Only the
 * smaller child's histogram is built from its rows; the larger one's is the
 * parent's minus it (LightGBM's subtraction trick), so each level reads at
 * most half the rows.
 */
export class GradientTreeGrower {
  private readonly offsets: Int32Array;
  private readonly slots: number;
  private readonly pool: Float64Array[] = [];

  constructor(private readonly d: BinnedData) {
    this.offsets = new Int32Array(d.features + 1);
    for (let f = 0; f < d.features; f++) this.offsets[f + 1] = this.offsets[f] + d.binCounts[f] + 1;
    this.slots = this.offsets[d.features];
  }

  /** Grows a tree on `rows` (which it reorders) using `features`; adds split gains to `importance`. */
  grow(grad: Float64Array, hess: Float64Array, rows: Int32Array, features: Int32Array, o: GradientTreeOptions, importance: Float64Array): TreeBuilder {
    const tree = new TreeBuilder(1);
    let G = 0;
    let H = 0;
    for (let q = 0; q < rows.length; q++) {
      G += grad[rows[q]];
      H += hess[rows[q]];
    }
    const hist = this.take();
    this.fill(hist, grad, hess, rows, 0, rows.length, features);
    const root = tree.add([(-G / (H + o.l2)) * o.scale]);
    this.build(tree, root, hist, grad, hess, rows, 0, rows.length, 0, G, H, features, o, importance);
    return tree;
  }

  private build(tree: TreeBuilder, node: number, hist: Float64Array, grad: Float64Array, hess: Float64Array, rows: Int32Array, start: number, end: number, depth: number, G: number, H: number, features: Int32Array, o: GradientTreeOptions, importance: Float64Array): void {
    if (depth >= o.maxDepth || end - start < 2) {
      this.pool.push(hist);
      return;
    }
    const best = this.bestSplit(hist, G, H, features, o);
    if (best.feature < 0) {
      this.pool.push(hist);
      return;
    }
    const d = this.d;
    const col = best.feature * d.rows;
    const nb = d.binCounts[best.feature];
    let i = start;
    let j = end - 1;
    while (i <= j) {
      const b = d.bins[col + rows[i]];
      if (b === nb ? best.missingLeft : b <= best.bin) i++;
      else {
        const t = rows[i];
        rows[i] = rows[j];
        rows[j] = t;
        j--;
      }
    }
    importance[best.feature] += best.gain;
    const GL = best.GL;
    const HL = best.HL;
    const GR = G - GL;
    const HR = H - HL;
    const l = tree.add([(-GL / (HL + o.l2)) * o.scale]);
    const r = tree.add([(-GR / (HR + o.l2)) * o.scale]);
    tree.split(node, best.feature, best.bin, splitThreshold(d, best.feature, best.bin), best.missingLeft, l, r);
    const leftSmaller = i - start <= end - i;
    const small = this.take();
    if (leftSmaller) this.fill(small, grad, hess, rows, start, i, features);
    else this.fill(small, grad, hess, rows, i, end, features);
    // The parent's histogram becomes the larger child's.
    for (let s = 0; s < features.length; s++) {
      const f = features[s];
      for (let x = 2 * this.offsets[f], e = 2 * this.offsets[f + 1]; x < e; x++) hist[x] -= small[x];
    }
    const [lh, rh] = leftSmaller ? [small, hist] : [hist, small];
    this.build(tree, l, lh, grad, hess, rows, start, i, depth + 1, GL, HL, features, o, importance);
    this.build(tree, r, rh, grad, hess, rows, i, end, depth + 1, GR, HR, features, o, importance);
  }

  private bestSplit(hist: Float64Array, G: number, H: number, features: Int32Array, o: GradientTreeOptions): Best {
    const best: Best = { gain: 1e-10, feature: -1, bin: -1, missingLeft: false, GL: 0, HL: 0 };
    const lambda = o.l2;
    const parent = (G * G) / (H + lambda);
    const minH = Math.max(o.minChildWeight, 1e-12);
    for (let s = 0; s < features.length; s++) {
      const f = features[s];
      const nb = this.d.binCounts[f];
      const base = 2 * this.offsets[f];
      const GM = hist[base + 2 * nb];
      const HM = hist[base + 2 * nb + 1];
      let GL = 0;
      let HL = 0;
      for (let b = 0; b < nb; b++) {
        const hb = hist[base + 2 * b + 1];
        if (hb === 0) continue;
        GL += hist[base + 2 * b];
        HL += hb;
        // Missing values right.
        let HR = H - HL;
        if (HL >= minH && HR >= minH) {
          const GR = G - GL;
          const gain = (GL * GL) / (HL + lambda) + (GR * GR) / (HR + lambda) - parent;
          if (gain > best.gain) set(best, gain, f, b, false, GL, HL);
        }
        if (HM > 0) {
          const gl = GL + GM;
          const hl = HL + HM;
          HR = H - hl;
          if (hl >= minH && HR >= minH) {
            const GR = G - gl;
            const gain = (gl * gl) / (hl + lambda) + (GR * GR) / (HR + lambda) - parent;
            if (gain > best.gain) set(best, gain, f, b, true, gl, hl);
          }
        }
      }
    }
    return best;
  }

  private fill(hist: Float64Array, grad: Float64Array, hess: Float64Array, rows: Int32Array, start: number, end: number, features: Int32Array): void {
    const { bins, rows: n } = this.d;
    for (let s = 0; s < features.length; s++) {
      const f = features[s];
      const base = 2 * this.offsets[f];
      hist.fill(0, base, 2 * this.offsets[f + 1]);
      const col = f * n;
      for (let q = start; q < end; q++) {
        const r = rows[q];
        const x = base + 2 * bins[col + r];
        hist[x] += grad[r];
        hist[x + 1] += hess[r];
      }
    }
  }

  private take(): Float64Array {
    // Buffers are zeroed per feature by fill(), so a reused one needs no clearing.
    return this.pool.pop() ?? new Float64Array(2 * this.slots);
  }
}

function set(best: Best, gain: number, f: number, b: number, missingLeft: boolean, GL: number, HL: number): void {
  best.gain = gain;
  best.feature = f;
  best.bin = b;
  best.missingLeft = missingLeft;
  best.GL = GL;
  best.HL = HL;
}

/** A tree's leaf for training row r, routed by bins (exactly as by raw values). */
export function binnedLeaf(t: TreeBuilder, d: BinnedData, r: number): number {
  let n = 0;
  while (t.feature[n] >= 0) {
    const f = t.feature[n];
    const b = d.bins[f * d.rows + r];
    n = b === d.binCounts[f] ? (t.missingLeft[n] ? t.left[n] : t.right[n]) : b <= t.bin[n] ? t.left[n] : t.right[n];
  }
  return n;
}
