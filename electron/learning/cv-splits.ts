import type { SeededRandom } from './seeded-random';

/** A fold: the rows held out for testing; the others train. */
export type Folds = Int32Array[];

/**
 * Stratified k-fold: each class's rows are shuffled and dealt round-robin,
 * the deal continuing where the previous class stopped, so every fold gets
 * its share of each class (±1) and the folds' sizes differ by at most one.
 */
export function stratifiedKFold(y: Int32Array, K: number, k: number, rng: SeededRandom): Folds {
  const byClass: number[][] = Array.from({ length: K }, () => []);
  y.forEach((c, r) => byClass[c].push(r));
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const rows of byClass) {
    rng.shuffle(rows);
    for (const r of rows) {
      folds[next].push(r);
      next = (next + 1) % k;
    }
  }
  return folds.map((f) => Int32Array.from(f).sort());
}

/**
 * Grouped k-fold (scikit-learn's GroupKFold): whole groups (captures) are
 * held out, largest first, each to the fold with the fewest rows so far, so
 * no group's rows are ever in both train and test. Needs two groups or
 * more; with fewer groups than k, one fold per group.
 */
export function groupKFold(groups: Int32Array, k: number): Folds | null {
  const sizes = new Map<number, number>();
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  if (sizes.size < 2) return null;
  const nFolds = Math.min(k, sizes.size);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const foldOf = new Map<number, number>();
  const load = new Array<number>(nFolds).fill(0);
  for (const [g, n] of order) {
    let f = 0;
    for (let i = 1; i < nFolds; i++) if (load[i] < load[f]) f = i;
    foldOf.set(g, f);
    load[f] += n;
  }
  const folds: number[][] = Array.from({ length: nFolds }, () => []);
  groups.forEach((g, r) => folds[foldOf.get(g)!].push(r));
  return folds.map((f) => Int32Array.from(f));
}

/** The rows not in `test`, in order. */
export function complement(n: number, test: Int32Array): Int32Array {
  const held = new Uint8Array(n);
  for (const r of test) held[r] = 1;
  const out = new Int32Array(n - test.length);
  for (let r = 0, q = 0; r < n; r++) if (!held[r]) out[q++] = r;
  return out;
}
