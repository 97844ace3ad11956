import type { Command } from 'commander';
import { resolve } from 'node:path';
import { AnomalyParams, HostFeature, baseFeatures } from '../../../shared/domain/anomaly';
import { openCaseDb } from '../../cases/case-db';
import type { KMeansJobInput } from '../../jobs/kmeans-worker';
import type { HostKey } from '../../analysis/kmeans/host-features';
import type { Score } from '../../analysis/kmeans/score';
import { CliError } from '../cli-error';
import { runCliJob } from '../run-cli-job';

interface Options {
  case: string;
  baseline?: string;
  k: string;
  threshold: string;
  percentile?: string;
  window?: string;
  scaling: string;
  transform: string;
  features?: string;
  seed: string;
  format: string;
  quiet?: boolean;
}

function number(v: string, name: string, check: (n: number) => boolean, what: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || !check(n)) throw new CliError(`${name} must be ${what}, not ${JSON.stringify(v)}`, 2);
  return n;
}

/** The options as model parameters, checked by the same schema as the API's. */
function params(o: Options): AnomalyParams {
  const features = o.features ? o.features.split(',').map((f) => f.trim()) : baseFeatures;
  for (const f of features) if (!HostFeature.safeParse(f).success) throw new CliError(`--features: no feature "${f}" (features: ${HostFeature.options.join(', ')})`, 2);
  if (o.scaling !== 'standard' && o.scaling !== 'robust') throw new CliError(`--scaling must be standard or robust, not ${JSON.stringify(o.scaling)}`, 2);
  if (o.transform !== 'log1p' && o.transform !== 'none') throw new CliError(`--transform must be log1p or none, not ${JSON.stringify(o.transform)}`, 2);
  const parsed = AnomalyParams.safeParse({
    features,
    k: number(o.k, '--k', (n) => Number.isInteger(n) && n >= 1 && n <= 50, 'an integer from 1 to 50'),
    thresholdMode: o.percentile !== undefined ? 'percentile' : 'sigma',
    multiplier: number(o.threshold, '--threshold', (n) => n >= 0 && n <= 100, 'a distance multiplier from 0 to 100'),
    percentile: o.percentile !== undefined ? number(o.percentile, '--percentile', (n) => n >= 50 && n <= 100, 'a percentile from 50 to 100') : undefined,
    window: o.window !== undefined ? number(o.window, '--window', (n) => n > 0, 'a positive number of seconds') : null,
    scaling: o.scaling,
    transform: o.transform,
    baseline: o.baseline !== undefined ? resolve(o.baseline) : null,
    seed: number(o.seed, '--seed', Number.isInteger, 'an integer'),
  });
  if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 2);
  return parsed.data;
}

export function registerDetect(program: Command): void {
  program
    .command('detect')
    .description('K-Means anomaly detection over hosts (seed 001): train on a baseline, score every host (or host-window) of the case')
    .requiredOption('--case <path>', 'case to score; the model and the run are stored in it')
    .option('--baseline <path>', 'case to train on (default: the case itself)')
    .option('--k <n>', 'clusters', '5')
    .option('--threshold <m>', 'distance multiplier: a cluster’s threshold is mean + m·std of its training distances', '3')
    .option('--percentile <p>', 'use this percentile of the training distances as the threshold instead')
    .option('--window <s>', 'one point per host and window of this many seconds (default: the whole case)')
    .option('--scaling <how>', 'standard or robust', 'standard')
    .option('--transform <how>', 'log1p or none', 'log1p')
    .option('--features <list>', `comma-separated features (default ${baseFeatures.join(',')}; also ${HostFeature.options.filter((f) => !baseFeatures.includes(f)).join(', ')})`)
    .option('--seed <n>', 'seed for k-means++', '42')
    .option('--format <format>', 'jsonl', 'jsonl')
    .option('--quiet', 'no progress bar')
    .action(async (o: Options) => {
      if (o.format !== 'jsonl') throw new CliError(`--format must be jsonl, not ${JSON.stringify(o.format)}`, 2);
      const casePath = resolve(o.case);
      const p = params(o);
      openCaseDb(casePath).close();
      const input: KMeansJobInput = { casePath, mode: 'detect', params: p };
      const r = (await runCliJob('kmeans', 'kmeans-worker', input, { quiet: o.quiet, what: 'detection' })).result as { rows: (HostKey & Score)[] };
      for (const row of r.rows) {
        const rec = {
          ip: row.ip,
          ...(row.windowStart !== null ? { window_start: row.windowStart, window_end: row.windowEnd } : {}),
          cluster: row.cluster,
          distance: row.distance,
          threshold: row.threshold,
          anomaly: row.anomaly,
          top_feature: row.topFeature,
        };
        process.stdout.write(`${JSON.stringify(rec)}\n`);
      }
    });
}
