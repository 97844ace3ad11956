import { join } from 'node:path';
import { repoRoot } from '../support/corpus';
import { kmeansMatrix } from './kmeans-matrix';
import { measure } from './measure';

interface Run {
  rows: number;
  readSeconds: number;
  scaleSeconds: number;
  trainSeconds: number;
  scoreSeconds: number;
  iterations: number;
  anomalies: number;
}

export interface KMeansFigures {
  rows: number;
  cols: number;
  k: number;
  ours: Run & { wallSeconds: number; rssMiB: number };
  sklearn: Run & { wallSeconds: number; rssMiB: number };
  /** sklearn's seconds per Lloyd iteration over ours: above 1, ours is faster. */
  perIterationRatio: number;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Run & { wallSeconds: number; rssMiB: number } {
  const m = measure(cmd, args, env);
  if (m.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${m.stderr}`);
  return { ...(JSON.parse(m.stdout) as Run), wallSeconds: m.wallSeconds, rssMiB: m.peakRssMiB };
}

/**
 * Training and scoring as the kmeans worker does them (ml-kmeans) against
 * scikit-learn’s KMeans on the same matrix, both on one thread
 * (OMP_NUM_THREADS=1) with the same scaling, k-means++, tolerance and
 * thresholds. Needs python3-sklearn (apt), or PYTHON naming a Python with it.
 */
export function kmeansBench(rows = 200_000, k = 5): KMeansFigures {
  const m = kmeansMatrix(rows);
  const env = { ...process.env, OMP_NUM_THREADS: '1' };
  const ours = run(process.execPath, ['--import', 'tsx', join(repoRoot, 'test', 'bench', 'kmeans-child.ts'), m.path, String(m.cols), String(k)], env);
  // The system Python, where apt's python3-sklearn lives (a pyenv python3 on PATH may lack it).
  const sklearn = run(process.env.PYTHON ?? '/usr/bin/python3', [join(repoRoot, 'test', 'bench', 'kmeans_peer.py'), m.path, String(m.cols), String(k)], env);
  return { rows, cols: m.cols, k, ours, sklearn, perIterationRatio: sklearn.trainSeconds / sklearn.iterations / (ours.trainSeconds / ours.iterations) };
}
