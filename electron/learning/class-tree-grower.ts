import type { BinnedData } from './bin-mapper';
import type { SeededRandom } from './seeded-random';
import { splitThreshold } from './split-threshold';
import { Tree, TreeBuilder } from './tree-model';

export interface ClassTreeOptions {
  maxDepth: number;
  /** Least (weighted) rows on each side of a split. */
  minSamplesLeaf: number;
  /** Features tried at each split. */
  featuresPerSplit: number;
}

interface Split {
  gain: number;
  feature: number;
  bin: number;
  missingLeft: boolean;
}

/**
 * Grows one classification tree of a random forest on binned rows: Gini
 * impurity, a fresh random subset of features at every split, weights from
 * the bootstrap (how often each row was drawn). Nodes grow depth-first; each
 * split's weighted impurity decrease is added to `importance`, the basis of
 * the forest's mean-decrease-in-impurity feature importance.
 *
 * The split search on a feature is a scan over its bins with running class
 * sums; the Gini decrease of a candidate is ΣL²/|L| + ΣR²/|R| − ΣT²/|T|, kept
 * up to date per class as rows move left, so a candidate costs O(1). Missing
 * values are tried on both sides.
 */
export function growClassTree(d: BinnedData, y: Int32Array, K: number, weight: Float64Array, rows: Int32Array, o: ClassTreeOptions, rng: SeededRandom, importance: Float64Array): Tree {
  const F = d.features;
  const n = d.rows;
  const idx = rows.slice();
  const tree = new TreeBuilder(K);
  const perm = Int32Array.from({ length: F }, (_, i) => i);
  const mtry = Math.max(1, Math.min(F, o.featuresPerSplit));
  let maxSlots = 0;
  for (let f = 0; f < F; f++) maxSlots = Math.max(maxSlots, d.binCounts[f] + 1);
  const hist = new Float64Array(maxSlots * K);
  const binTotal = new Float64Array(maxSlots);
  const L = new Float64Array(K);
  const R = new Float64Array(K);
  const M = new Float64Array(K);
  const bucket = new Int32Array(258);
  const order = new Int32Array(n);
  const countsOf = (start: number, end: number, out: Float64Array) => {
    out.fill(0);
    for (let j = start; j < end; j++) out[y[idx[j]]] += weight[idx[j]];
  };

  const rootCounts = new Float64Array(K);
  countsOf(0, idx.length, rootCounts);
  const stack: { node: number; start: number; end: number; depth: number; counts: Float64Array }[] = [];
  stack.push({ node: tree.add(normalised(rootCounts)), start: 0, end: idx.length, depth: 0, counts: rootCounts });

  while (stack.length) {
    const { node, start, end, depth, counts } = stack.pop()!;
    let W = 0;
    let sumsqT = 0;
    let classes = 0;
    for (let k = 0; k < K; k++) {
      W += counts[k];
      sumsqT += counts[k] * counts[k];
      if (counts[k] > 0) classes++;
    }
    if (classes < 2 || depth >= o.maxDepth || W < 2 * o.minSamplesLeaf) continue;

    const best: Split = { gain: 1e-9 * W, feature: -1, bin: -1, missingLeft: false };
    const m = end - start;
    for (let s = 0; s < mtry; s++) {
      // A partial Fisher–Yates draw: mtry distinct features.
      const j = s + rng.below(F - s);
      const f = perm[j];
      perm[j] = perm[s];
      perm[s] = f;
      const nb = d.binCounts[f];
      if (nb < 2 && !hasMissing(d, f, idx, start, end)) continue;
      const col = f * n;
      const baseGain = -sumsqT / W;
      // A class histogram costs (bins × classes) to clear and scan; a counting sort of the rows costs a few passes over them.
      if (2 * m >= (nb + 1) * (K - 1)) {
        hist.fill(0, 0, (nb + 1) * K);
        binTotal.fill(0, 0, nb + 1);
        for (let q = start; q < end; q++) {
          const r = idx[q];
          const b = d.bins[col + r];
          const w = weight[r];
          hist[b * K + y[r]] += w;
          binTotal[b] += w;
        }
        for (let k = 0; k < K; k++) M[k] = hist[nb * K + k];
        const WM = binTotal[nb];
        let WL = 0;
        let sumsqL = 0;
        let sumsqR = startScan(counts, M, L, R, K);
        let WR = W - WM;
        for (let b = 0; b < nb; b++) {
          if (binTotal[b] === 0) continue;
          const h = b * K;
          for (let k = 0; k < K; k++) {
            const c = hist[h + k];
            if (c === 0) continue;
            sumsqL += c * (2 * L[k] + c);
            L[k] += c;
            sumsqR += c * (c - 2 * R[k]);
            R[k] -= c;
          }
          WL += binTotal[b];
          WR -= binTotal[b];
          consider(best, f, b, WL, WR, WM, sumsqL, sumsqR, baseGain, o.minSamplesLeaf, L, R, M, K);
        }
      } else {
        // Few rows: order them by bin (a counting sort over this feature's bins) and move them left one by one.
        M.fill(0);
        let WM = 0;
        let nk = 0;
        if (m * m < 8 * nb) {
          // Tiny nodes (most of a deep tree's): insertion sort, missing rows last.
          for (let q = 0; q < m; q++) {
            const r = idx[start + q];
            const b = d.bins[col + r];
            let p = q;
            while (p > 0 && d.bins[col + order[p - 1]] > b) {
              order[p] = order[p - 1];
              p--;
            }
            order[p] = r;
            if (b < nb) nk++;
          }
        } else {
          bucket.fill(0, 0, nb + 2);
          for (let q = start; q < end; q++) bucket[d.bins[col + idx[q]] + 1]++;
          for (let b = 1; b <= nb + 1; b++) bucket[b] += bucket[b - 1];
          for (let q = start; q < end; q++) order[bucket[d.bins[col + idx[q]]]++] = idx[q];
          nk = bucket[nb - 1];
        }
        for (let q = nk; q < m; q++) {
          M[y[order[q]]] += weight[order[q]];
          WM += weight[order[q]];
        }
        let WL = 0;
        let sumsqL = 0;
        let sumsqR = startScan(counts, M, L, R, K);
        let WR = W - WM;
        for (let q = 0; q < nk; q++) {
          const r = order[q];
          const k = y[r];
          const w = weight[r];
          sumsqL += w * (2 * L[k] + w);
          L[k] += w;
          sumsqR += w * (w - 2 * R[k]);
          R[k] -= w;
          WL += w;
          WR -= w;
          const b = d.bins[col + r];
          if (q + 1 < nk && d.bins[col + order[q + 1]] === b) continue;
          consider(best, f, b, WL, WR, WM, sumsqL, sumsqR, baseGain, o.minSamplesLeaf, L, R, M, K);
        }
      }
    }
    if (best.feature < 0) continue;

    // Partition the node's rows: left part first.
    const col = best.feature * n;
    const nbBest = d.binCounts[best.feature];
    let i = start;
    let j = end - 1;
    const goesLeft = (r: number) => {
      const b = d.bins[col + r];
      return b === nbBest ? best.missingLeft : b <= best.bin;
    };
    while (i <= j) {
      if (goesLeft(idx[i])) i++;
      else {
        const t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        j--;
      }
    }
    const leftCounts = new Float64Array(K);
    const rightCounts = new Float64Array(K);
    countsOf(start, i, leftCounts);
    countsOf(i, end, rightCounts);
    importance[best.feature] += best.gain;
    const l = tree.add(normalised(leftCounts));
    const r = tree.add(normalised(rightCounts));
    tree.split(node, best.feature, best.bin, splitThreshold(d, best.feature, best.bin), best.missingLeft, l, r);
    stack.push({ node: r, start: i, end, depth: depth + 1, counts: rightCounts });
    stack.push({ node: l, start, end: i, depth: depth + 1, counts: leftCounts });
  }
  return tree.build();
}

/** Scores a threshold after bin b, with missing rows on the right and, if there are any, on the left. */
function consider(best: Split, f: number, b: number, WL: number, WR: number, WM: number, sumsqL: number, sumsqR: number, baseGain: number, minLeaf: number, L: Float64Array, R: Float64Array, M: Float64Array, K: number): void {
  // Missing right: right = R + M.
  const wr = WR + WM;
  if (WL >= minLeaf && wr >= minLeaf) {
    let sq = sumsqR;
    if (WM > 0) for (let k = 0; k < K; k++) sq += M[k] * (2 * R[k] + M[k]);
    const g = sumsqL / WL + sq / wr + baseGain;
    if (g > best.gain) set(best, g, f, b, false);
  }
  if (WM > 0) {
    const wl = WL + WM;
    if (wl >= minLeaf && WR >= minLeaf) {
      let sq = sumsqL;
      for (let k = 0; k < K; k++) sq += M[k] * (2 * L[k] + M[k]);
      const g = sq / wl + sumsqR / WR + baseGain;
      if (g > best.gain) set(best, g, f, b, true);
    }
  }
}

function set(best: Split, gain: number, f: number, b: number, missingLeft: boolean): void {
  best.gain = gain;
  best.feature = f;
  best.bin = b;
  best.missingLeft = missingLeft;
}

function normalised(counts: Float64Array): Float64Array {
  let w = 0;
  for (let k = 0; k < counts.length; k++) w += counts[k];
  const out = new Float64Array(counts.length);
  if (w > 0) for (let k = 0; k < counts.length; k++) out[k] = counts[k] / w;
  return out;
}

function hasMissing(d: BinnedData, f: number, idx: Int32Array, start: number, end: number): boolean {
  const nb = d.binCounts[f];
  const col = f * d.rows;
  for (let q = start; q < end; q++) if (d.bins[col + idx[q]] === nb) return true;
  return false;
}

/** Before a scan over one feature: nothing on the left, everything but the missing rows (M) on the right; returns Σ R². */
function startScan(counts: Float64Array, M: Float64Array, L: Float64Array, R: Float64Array, K: number): number {
  let sumsqR = 0;
  for (let k = 0; k < K; k++) {
    L[k] = 0;
    R[k] = counts[k] - M[k];
    sumsqR += R[k] * R[k];
  }
  return sumsqR;
}
