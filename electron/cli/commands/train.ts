import type { Command } from 'commander';
import { resolve } from 'node:path';
import { featureGroupIds } from '../../../shared/domain/feature-groups';
import { TrainOptions } from '../../../shared/domain/model';
import { openCaseDb } from '../../cases/case-db';
import { loadModel } from '../../cases/model-store';
import type { TrainJobInput, TrainJobResult } from '../../jobs/train-worker';
import { CliError } from '../cli-error';
import { filterOption } from '../filter-option';
import { metricsTable } from '../metrics-table';
import { runCliJob } from '../run-cli-job';

interface TrainFlags {
  case: string;
  level: string;
  algo: string;
  folds: string;
  groupBy: string;
  groups?: string;
  filter: string;
  seed: string;
  name?: string;
  out?: string;
  trees?: string;
  maxDepth?: string;
  minSamplesLeaf?: string;
  rounds?: string;
  learningRate?: string;
  json?: boolean;
  quiet?: boolean;
}

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description("train a classifier on a case's labelled flows, evaluate it, store it in the case; prints its metrics")
    .requiredOption('--case <path>', 'case file')
    .requiredOption('--level <level>', 'app (the part of app/activity labels before the slash) or activity (the whole label)')
    .option('--algo <algo>', 'rf (random forest) or gbt (gradient-boosted trees)', 'rf')
    .option('--folds <k>', 'folds of the stratified evaluation (and at most of the grouped one)', '5')
    .option('--group-by <what>', 'capture: also evaluate with whole captures held out; none: skip that', 'capture')
    .option('--groups <list>', `feature groups, comma-separated (default all): ${featureGroupIds.join(', ')}`)
    .option('--filter <expr>', 'only labelled flows matching this display filter', '')
    .option('--seed <n>', 'random seed (same seed, same data: same model)', '1')
    .option('--name <name>', 'model name (versions count up per name); default <level>-<algo>')
    .option('--out <file>', 'also write the model file (JSON) here')
    .option('--trees <n>', 'rf: trees (default 100)')
    .option('--max-depth <n>', 'rf/gbt: deepest split (defaults 24 / 6)')
    .option('--min-samples-leaf <n>', 'rf: least flows in a leaf (default 1)')
    .option('--rounds <n>', 'gbt: boosting rounds (default 100)')
    .option('--learning-rate <x>', 'gbt: shrinkage (default 0.1)')
    .option('--json', 'print the model summary and metrics as JSON instead of tables')
    .option('--quiet', 'no progress bar')
    .action(async (o: TrainFlags) => {
      const casePath = resolve(o.case);
      const algorithm = o.algo;
      const tree = { maxDepth: num(o.maxDepth) };
      const parsed = TrainOptions.safeParse({
        level: o.level,
        algorithm,
        folds: num(o.folds),
        groupBy: o.groupBy,
        seed: num(o.seed),
        filter: o.filter,
        ...(o.name ? { name: o.name } : {}),
        ...(o.groups ? { groups: o.groups.split(',').map((g) => g.trim()).filter(Boolean) } : {}),
        ...(algorithm === 'rf' ? { rf: strip({ trees: num(o.trees), minSamplesLeaf: num(o.minSamplesLeaf), ...tree }) } : {}),
        ...(algorithm === 'gbt' ? { gbt: strip({ rounds: num(o.rounds), learningRate: num(o.learningRate), ...tree }) } : {}),
      });
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw new CliError(`${i.path.length ? `--${i.path.join('.')}` : 'options'}: ${i.message}`, 2);
      }
      const db = openCaseDb(casePath);
      try {
        filterOption(parsed.data.filter, db);
      } finally {
        db.close();
      }

      const input: TrainJobInput = { casePath, settings: parsed.data, out: o.out ? resolve(o.out) : undefined };
      const { result } = await runCliJob('train', 'train-worker', input, { quiet: o.quiet, what: 'training', afterCancel: 'no model was stored' });
      const modelId = (result as TrainJobResult).modelId;
      const read = openCaseDb(casePath, { readOnly: true });
      const model = loadModel(read, modelId);
      read.close();
      if (o.json) {
        const { body: _body, ...rest } = model;
        process.stdout.write(`${JSON.stringify({ id: modelId, ...rest })}\n`);
      } else process.stdout.write(metricsTable(modelId, model));
      if (o.out) process.stderr.write(`model written to ${resolve(o.out)}\n`);
    });
}

function strip<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
