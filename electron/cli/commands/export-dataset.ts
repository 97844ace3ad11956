import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { openCaseDb } from '../../cases/case-db';
import { iterateDataset, writeDataset } from '../../labels/dataset-output';
import { CliError } from '../cli-error';
import { filterOption } from '../filter-option';

export function registerExportDataset(program: Command): void {
  program
    .command('export-dataset')
    .alias('dataset')
    .description('write the labelled flows with their features as a training set: CSV with CICFlowMeter column names plus Capture, App, Activity and Label, or JSONL')
    .requiredOption('--case <path>', 'case file')
    .option('--format <format>', 'csv or jsonl', 'csv')
    .option('--out <path>', 'file to write (default: standard output)')
    .option('--filter <expr>', 'only labelled flows matching this display filter', '')
    .action(async (o: { case: string; format: string; out?: string; filter: string }) => {
      if (o.format !== 'csv' && o.format !== 'jsonl') throw new CliError(`--format must be csv or jsonl, not ${JSON.stringify(o.format)}`, 2);
      const db = openCaseDb(resolve(o.case), { readOnly: true });
      try {
        const selection = filterOption(o.filter, db);
        const stream = o.out ? createWriteStream(resolve(o.out)) : process.stdout;
        const n = await writeDataset(stream, iterateDataset(db, selection), o.format);
        if (o.out) await new Promise<void>((done, fail) => stream.end((err?: Error | null) => (err ? fail(err) : done())));
        process.stderr.write(`${n} labelled flows${o.out ? ` written to ${resolve(o.out)}` : ''}\n`);
        if (n === 0) throw new CliError('no labelled flow to export (label flows first: flowsight label --help)', 1);
      } finally {
        db.close();
      }
    });
}
