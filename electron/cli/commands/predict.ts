import type { Command } from 'commander';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openCaseDb } from '../../cases/case-db';
import { findModel, saveModel } from '../../cases/model-store';
import type { PredictJobInput } from '../../jobs/predict-worker';
import { readModelFile } from '../../learning/model-file';
import { CliError } from '../cli-error';
import { filterOption } from '../filter-option';
import { runCliJob } from '../run-cli-job';

export function registerPredict(program: Command): void {
  program
    .command('predict')
    .description("classify a case's flows with a model file: one JSON line per flow on stdout; the predictions are also stored in the case")
    .requiredOption('--case <path>', 'case file')
    .requiredOption('--model <file>', 'model file (from `train --out` or an export)')
    .option('--format <format>', 'jsonl', 'jsonl')
    .option('--filter <expr>', 'only flows matching this display filter', '')
    .option('--no-write', 'leave the case untouched (by default the model is stored in the case and its predictions replace the flows\' current ones)')
    .option('--quiet', 'no progress bar')
    .action(async (o: { case: string; model: string; format: string; filter: string; write: boolean; quiet?: boolean }) => {
      if (o.format !== 'jsonl') throw new CliError(`--format must be jsonl, not ${JSON.stringify(o.format)}`, 2);
      const casePath = resolve(o.case);
      const modelPath = resolve(o.model);
      const model = readModelFile(modelPath);
      const db = openCaseDb(casePath, { readOnly: !o.write });
      let modelRef: PredictJobInput['model'] = { path: modelPath };
      let selection: PredictJobInput['selection'];
      try {
        selection = filterOption(o.filter, db);
        if (o.write) modelRef = { id: findModel(db, model) ?? saveModel(db, model, 'imported') };
      } finally {
        db.close();
      }
      const dir = mkdtempSync(join(tmpdir(), 'flowsight-predict-'));
      const out = join(dir, 'predictions.jsonl');
      try {
        const input: PredictJobInput = { casePath, model: modelRef, write: o.write, out, selection };
        const { summary } = await runCliJob('predict', 'predict-worker', input, { quiet: o.quiet, what: 'prediction', afterCancel: o.write ? 'the case holds no predictions' : '' });
        await new Promise<void>((resolvePipe, reject) => {
          const s = createReadStream(out);
          s.on('error', reject);
          s.on('end', () => resolvePipe());
          s.pipe(process.stdout, { end: false });
        });
        if (o.write && 'id' in modelRef) process.stderr.write(`${summary.flows} flows predicted; stored in the case as model ${modelRef.id}\n`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
}
