import { readFileSync } from 'node:fs';
import { isKnownFeature } from '../../shared/domain/feature-groups';
import { MODEL_FORMAT, ModelFile, type ModelBody, type TreeJson } from '../../shared/domain/model';
import type { Classifier } from './classifier';
import { GradientBoosting } from './gradient-boosting';
import { statInputFile } from '../input-file';
import { ModelFileError } from './model-file-error';
import { RandomForest } from './random-forest';
import { Tree } from './tree-model';

// Larger than any model this Flowsight writes (a forest of 500 deep trees is ~100 MB).
const MAX_MODEL_BYTES = 512 << 20;

/** Reads and checks a model file the user names (CLI, API, predict worker). */
export function readModelFile(path: string): ModelFile {
  const f = statInputFile(path);
  if (f.problem !== null) throw new ModelFileError(path, '', f.problem);
  const size = f.stats.size;
  if (size > MAX_MODEL_BYTES) throw new ModelFileError(path, '', `${size} bytes is larger than any model file`);
  return parseModelFile(readFileSync(path, 'utf8'), path);
}

/**
 * Reads a model file's text: JSON, the schema, then what a schema cannot say
 * (array lengths agree, children point forward inside the tree, features are
 * ones this Flowsight computes). Every failure names where and why.
 */
export function parseModelFile(text: string, source: string): ModelFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ModelFileError(source, '', `not JSON (${(err as Error).message})`);
  }
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format !== MODEL_FORMAT) {
    throw new ModelFileError(source, 'format', `not a Flowsight model (expected "format": "${MODEL_FORMAT}")`);
  }
  const parsed = ModelFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelFileError(source, issue.path.join('.'), issue.message);
  }
  checkModel(parsed.data, source);
  return parsed.data;
}

export function checkModel(m: ModelFile, source: string): void {
  const F = m.features.length;
  const K = m.classes.length;
  const fail = (path: string, reason: string): never => {
    throw new ModelFileError(source, path, reason);
  };
  m.features.forEach((f, i) => isKnownFeature(f) || fail(`features.${i}`, `unknown feature ${JSON.stringify(f)}`));
  if (new Set(m.features).size !== F) fail('features', 'a feature is listed twice');
  if (new Set(m.classes).size !== K) fail('classes', 'a class is listed twice');
  if (K < 2) fail('classes', 'a classifier needs at least two classes');
  if (m.importance.length !== F) fail('importance', `${m.importance.length} values for ${F} features`);
  const outputs = m.body.kind === 'forest' ? K : 1;
  if (m.body.kind === 'boosted') {
    if (m.body.baseScore.length !== K) fail('body.baseScore', `${m.body.baseScore.length} scores for ${K} classes`);
    if (m.body.trees.length % K !== 0) fail('body.trees', `${m.body.trees.length} trees is not a whole number of rounds of ${K}`);
  }
  m.body.trees.forEach((t, i) => checkTree(t, `body.trees.${i}`, F, outputs, fail));
}

function checkTree(t: TreeJson, at: string, F: number, outputs: number, fail: (path: string, reason: string) => never): void {
  const n = t.feature.length;
  if (n === 0) fail(at, 'a tree has no nodes');
  for (const key of ['threshold', 'missingLeft', 'left', 'right'] as const) {
    if (t[key].length !== n) fail(`${at}.${key}`, `${t[key].length} entries for ${n} nodes`);
  }
  if (t.value.length !== n * outputs) fail(`${at}.value`, `${t.value.length} values for ${n} nodes × ${outputs}`);
  for (let i = 0; i < n; i++) {
    const f = t.feature[i];
    if (f === -1) continue;
    if (f >= F) fail(`${at}.feature.${i}`, `feature ${f} out of range (${F} features)`);
    // Children after their parent: no cycles, every path ends.
    for (const side of ['left', 'right'] as const) {
      const c = t[side][i];
      if (c <= i || c >= n) fail(`${at}.${side}.${i}`, `child ${c} out of range (node ${i} of ${n})`);
    }
  }
  if (!t.threshold.every(Number.isFinite) || !t.value.every(Number.isFinite)) fail(at, 'a threshold or value is not a finite number');
}

/** The classifier a (checked) model body describes. */
export function classifierOf(m: { body: ModelBody; classes: readonly string[]; importance: readonly number[] }): Classifier {
  const K = m.classes.length;
  const importance = Float64Array.from(m.importance);
  if (m.body.kind === 'forest') return new RandomForest(m.body.trees.map((t) => Tree.fromJSON(t, K)), K, importance);
  return new GradientBoosting(m.body.trees.map((t) => Tree.fromJSON(t, 1)), Float64Array.from(m.body.baseScore), importance);
}
