import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openCaseDb } from '../../cases/case-db';
import { deleteModel, findModel, listModels, loadModel, saveModel } from '../../cases/model-store';
import { acceptPredictions, labelNext } from '../../learning/accept-predictions';
import { readModelFile } from '../../learning/model-file';
import { CliError } from '../cli-error';
import { filterOption } from '../filter-option';
import { metricsTable } from '../metrics-table';

const f3 = (x: number | null) => (x === null ? '—' : x.toFixed(3));

export function registerModels(program: Command): void {
  program
    .command('models')
    .description("list a case's models; show one's metrics, export, import or delete one")
    .requiredOption('--case <path>', 'case file')
    .option('--show <id>', "print a model's metrics")
    .option('--export <id>', 'write a model file (with --out)')
    .option('--out <file>', 'where --export writes')
    .option('--import <file>', 'read a model file into the case (checked first)')
    .option('--delete <id>', 'remove a model from the case')
    .action((o: { case: string; show?: string; export?: string; out?: string; import?: string; delete?: string }) => {
      const casePath = resolve(o.case);
      const db = openCaseDb(casePath, { readOnly: !o.import && !o.delete });
      try {
        if (o.show) process.stdout.write(metricsTable(Number(o.show), loadModel(db, id(o.show))));
        else if (o.export) {
          if (!o.out) throw new CliError('--export needs --out FILE', 2);
          writeFileSync(resolve(o.out), JSON.stringify(loadModel(db, id(o.export))));
        } else if (o.import) {
          const path = resolve(o.import);
          const m = readModelFile(path);
          const existing = findModel(db, m);
          process.stdout.write(`${existing ? `already in the case as model ${existing}` : `imported as model ${saveModel(db, m, 'imported')}`}\n`);
        } else if (o.delete) {
          if (!deleteModel(db, id(o.delete))) throw new CliError(`no model ${o.delete} in this case`);
        } else {
          const rows = listModels(db);
          process.stdout.write(`${'id'.padStart(4)}  ${'name'.padEnd(24)} ${'ver'.padStart(3)}  algo  level     ${'flows'.padStart(7)} classes  strat-F1  group-F1  created\n`);
          for (const m of rows) {
            process.stdout.write(
              `${String(m.id).padStart(4)}${m.applied ? '*' : ' '} ${m.name.padEnd(24)} ${String(m.version).padStart(3)}  ${m.algorithm.padEnd(4)}  ${m.level.padEnd(8)}  ${String(m.trainingSet.flows).padStart(7)} ${String(m.classes.length).padStart(7)}  ${f3(m.stratifiedMacroF1).padStart(8)}  ${f3(m.groupedMacroF1).padStart(8)}  ${m.createdAt}\n`,
            );
          }
          if (rows.some((m) => m.applied)) process.stdout.write('* wrote the flows\' current predictions\n');
        }
      } finally {
        db.close();
      }
    });

  program
    .command('label-next')
    .description('active learning: the unlabelled flows the applied model is least sure of, least sure first')
    .requiredOption('--case <path>', 'case file')
    .option('--limit <n>', 'how many', '20')
    .action((o: { case: string; limit: string }) => {
      const db = openCaseDb(resolve(o.case), { readOnly: true });
      try {
        const rows = labelNext(db, positiveInt(o.limit, '--limit'));
        if (rows.length === 0) process.stderr.write('no unlabelled flow has a prediction: apply a model first (flowsight predict)\n');
        for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
      } finally {
        db.close();
      }
    });

  program
    .command('accept')
    .description('make predictions labels (provenance model-accepted), for unlabelled flows matching a filter')
    .requiredOption('--case <path>', 'case file')
    .option('--filter <expr>', 'only flows matching this display filter', '')
    .option('--min-confidence <x>', 'only predictions at least this confident (0–1)', '0')
    .action((o: { case: string; filter: string; minConfidence: string }) => {
      const minConfidence = Number(o.minConfidence);
      if (!(minConfidence >= 0 && minConfidence <= 1)) throw new CliError('--min-confidence must be between 0 and 1', 2);
      const db = openCaseDb(resolve(o.case));
      try {
        const n = acceptPredictions(db, filterOption(o.filter, db), { minConfidence, onlyUnlabelled: true });
        process.stderr.write(`${n} flows labelled with their prediction\n`);
      } finally {
        db.close();
      }
    });
}

function id(v: string): number {
  return positiveInt(v, 'model id');
}

function positiveInt(v: string, what: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new CliError(`${what} must be a positive integer, not ${JSON.stringify(v)}`, 2);
  return n;
}
