import type { GbtParams } from '../../shared/domain/model';
import { type Classifier, normaliseImportance, type TrainContext, type TrainingRows } from './classifier';
import { binnedLeaf, GradientTreeGrower } from './gradient-tree-grower';
import { Tree } from './tree-model';

/**
 * Multi-class gradient-boosted trees with softmax loss (XGBoost's
 * `multi:softprob`): each round fits one regression tree per class to the
 * gradient p − y and hessian p(1 − p) of the current scores, on a random
 * share of the rows and, per tree, of the features.
 */
export class GradientBoosting implements Classifier {
  constructor(
    /** Round-major: tree i belongs to class i mod K. */
    readonly trees: readonly Tree[],
    readonly baseScore: Float64Array,
    private readonly gains: Float64Array,
  ) {}

  get classes(): number {
    return this.baseScore.length;
  }

  static train(t: TrainingRows, p: GbtParams, ctx: TrainContext): GradientBoosting {
    const { data, y, classes: K } = t;
    const n = data.rows;
    const F = data.features;
    const base = priorScores(y, K);
    const scores = new Float64Array(n * K);
    for (let r = 0; r < n; r++) scores.set(base, r * K);
    const grad = Array.from({ length: K }, () => new Float64Array(n));
    const hess = Array.from({ length: K }, () => new Float64Array(n));
    const prob = new Float64Array(K);
    const grower = new GradientTreeGrower(data);
    const gains = new Float64Array(F);
    const trees: Tree[] = [];
    const all = Int32Array.from({ length: n }, (_, i) => i);
    const featureIds = Int32Array.from({ length: F }, (_, i) => i);
    const nRows = Math.max(1, Math.round(p.subsample * n));
    const nFeatures = Math.max(1, Math.round(p.colsample * F));
    const rows = new Int32Array(nRows);
    for (let round = 0; round < p.rounds; round++) {
      ctx.checkCancelled();
      // The round's rows: a partial shuffle, then sorted so histogram reads walk memory forward.
      if (nRows < n) for (let i = 0; i < nRows; i++) swap(all, i, i + ctx.rng.below(n - i));
      rows.set(all.subarray(0, nRows));
      rows.sort();
      for (let q = 0; q < nRows; q++) {
        const r = rows[q];
        softmax(scores, r * K, K, prob);
        for (let k = 0; k < K; k++) {
          const pk = prob[k];
          grad[k][r] = pk - (y[r] === k ? 1 : 0);
          hess[k][r] = Math.max(pk * (1 - pk), 1e-6);
        }
      }
      for (let k = 0; k < K; k++) {
        for (let i = 0; i < nFeatures; i++) swap(featureIds, i, i + ctx.rng.below(F - i));
        const features = featureIds.slice(0, nFeatures).sort();
        const built = grower.grow(grad[k], hess[k], rows.slice(), features, { maxDepth: p.maxDepth, minChildWeight: p.minChildWeight, l2: p.l2, scale: p.learningRate }, gains);
        for (let r = 0; r < n; r++) scores[r * K + k] += built.value[binnedLeaf(built, data, r)];
        trees.push(built.build());
      }
      ctx.progress((round + 1) / p.rounds);
    }
    return new GradientBoosting(trees, base, gains);
  }

  predictProba(X: Float32Array, rows: number, features: number): Float64Array {
    const K = this.classes;
    const out = new Float64Array(rows * K);
    for (let r = 0; r < rows; r++) out.set(this.baseScore, r * K);
    this.trees.forEach((t, i) => {
      const k = i % K;
      for (let r = 0; r < rows; r++) out[r * K + k] += t.value[t.leaf(X, r, features)];
    });
    const p = new Float64Array(K);
    for (let r = 0; r < rows; r++) {
      softmax(out, r * K, K, p);
      out.set(p, r * K);
    }
    return out;
  }

  importance(): Float64Array {
    return normaliseImportance(this.gains.slice());
  }

  toBody() {
    return { kind: 'boosted' as const, baseScore: Array.from(this.baseScore), trees: this.trees.map((t) => t.toJSON()) };
  }
}

/** Log class priors: the scores before any tree (a class never seen gets a floor, not −∞). */
function priorScores(y: Int32Array, K: number): Float64Array {
  const counts = new Float64Array(K);
  for (const k of y) counts[k]++;
  return counts.map((c) => Math.log(Math.max(c, 0.5) / Math.max(y.length, 1)));
}

function softmax(s: Float64Array, at: number, K: number, out: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, s[at + k]);
  let sum = 0;
  for (let k = 0; k < K; k++) sum += out[k] = Math.exp(s[at + k] - max);
  for (let k = 0; k < K; k++) out[k] /= sum;
}

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
