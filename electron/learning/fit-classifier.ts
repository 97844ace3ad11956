import type { TrainSettings } from '../../shared/domain/model';
import { BinMapper } from './bin-mapper';
import type { Classifier, TrainContext } from './classifier';
import type { FeatureMatrix } from './feature-matrix';
import { GradientBoosting } from './gradient-boosting';
import { RandomForest } from './random-forest';

/** The algorithms, by the name the contract and the CLI use. */
const algorithms = {
  rf: (m: FeatureMatrix, s: TrainSettings, ctx: TrainContext) => RandomForest.train(binnedRows(m, s.rf.bins), s.rf, ctx),
  gbt: (m: FeatureMatrix, s: TrainSettings, ctx: TrainContext) => GradientBoosting.train(binnedRows(m, s.gbt.bins), s.gbt, ctx),
} satisfies Record<TrainSettings['algorithm'], unknown>;

/** Bins are fitted on the training rows alone, so an evaluation's test rows never shape them. */
function binnedRows(m: FeatureMatrix, bins: number) {
  return { data: BinMapper.fitTransform(m, bins).data, y: m.y, classes: m.classes.length };
}

export function fitClassifier(m: FeatureMatrix, s: TrainSettings, ctx: TrainContext): Classifier {
  return algorithms[s.algorithm](m, s, ctx);
}
