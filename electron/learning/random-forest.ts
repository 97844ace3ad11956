import type { RfParams } from '../../shared/domain/model';
import { type Classifier, normaliseImportance, type TrainContext, type TrainingRows } from './classifier';
import { growClassTree } from './class-tree-grower';
import { Tree } from './tree-model';

/**
 * Breiman's random forest: each tree grows on a bootstrap sample (rows drawn
 * with replacement, kept as weights) and tries a random √F features at each
 * split; a prediction averages the trees' leaf class distributions.
 */
export class RandomForest implements Classifier {
  constructor(
    readonly trees: readonly Tree[],
    readonly classes: number,
    private readonly gains: Float64Array,
  ) {}

  static train(t: TrainingRows, p: RfParams, ctx: TrainContext): RandomForest {
    const { data, y, classes: K } = t;
    const F = data.features;
    const n = data.rows;
    const perSplit = p.featureFraction === null ? Math.round(Math.sqrt(F)) : Math.round(p.featureFraction * F);
    const total = new Float64Array(F);
    const trees: Tree[] = [];
    const weight = new Float64Array(n);
    for (let i = 0; i < p.trees; i++) {
      ctx.checkCancelled();
      const rng = ctx.rng.fork();
      weight.fill(0);
      for (let j = 0; j < n; j++) weight[rng.below(n)]++;
      let drawn = 0;
      for (let j = 0; j < n; j++) if (weight[j] > 0) drawn++;
      const rows = new Int32Array(drawn);
      for (let j = 0, q = 0; j < n; j++) if (weight[j] > 0) rows[q++] = j;
      const gains = new Float64Array(F);
      trees.push(growClassTree(data, y, K, weight, rows, { maxDepth: p.maxDepth, minSamplesLeaf: p.minSamplesLeaf, featuresPerSplit: perSplit }, rng, gains));
      // Each tree's decreases as shares, then averaged (scikit-learn's feature_importances_).
      normaliseImportance(gains);
      for (let f = 0; f < F; f++) total[f] += gains[f] / p.trees;
      ctx.progress((i + 1) / p.trees);
    }
    return new RandomForest(trees, K, total);
  }

  predictProba(X: Float32Array, rows: number, features: number): Float64Array {
    const K = this.classes;
    const out = new Float64Array(rows * K);
    const share = 1 / this.trees.length;
    for (const t of this.trees) {
      for (let r = 0; r < rows; r++) {
        const leaf = t.leaf(X, r, features) * K;
        for (let k = 0; k < K; k++) out[r * K + k] += t.value[leaf + k] * share;
      }
    }
    return out;
  }

  importance(): Float64Array {
    return normaliseImportance(this.gains.slice());
  }

  toBody() {
    return { kind: 'forest' as const, trees: this.trees.map((t) => t.toJSON()) };
  }
}
