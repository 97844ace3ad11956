import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { FlowRecord } from '../../../shared/fields';
import { openCaseDb } from '../../cases/case-db';
import { iterateFlows } from '../../cases/flow-reader';
import { classOf } from '../../learning/training-set';
import { CliError } from '../cli-error';
import { filterOption } from '../filter-option';
import { csvHeader, csvRow } from '../flow-output';

/** The label split as training reads it: `label_app` (before the slash), `label_activity` (the whole `app/activity`, when it has both parts). */
function withLabelColumns(f: FlowRecord): Record<string, string | number | null> {
  const label = (f as Record<string, unknown>).label as string;
  return { ...(f as Record<string, string | number | null>), label_app: classOf(label, 'app'), label_activity: classOf(label, 'activity') };
}

export function registerDataset(program: Command): void {
  program
    .command('dataset')
    .description('export the labelled flows with every feature, for training elsewhere: CSV (CICFlowMeter column names) or JSONL, plus label_app and label_activity')
    .requiredOption('--case <path>', 'case file')
    .option('--format <format>', 'csv or jsonl', 'csv')
    .option('--filter <expr>', 'only labelled flows matching this display filter', '')
    .action(async (o: { case: string; format: string; filter: string }) => {
      if (o.format !== 'jsonl' && o.format !== 'csv') throw new CliError(`--format must be csv or jsonl, not ${JSON.stringify(o.format)}`, 2);
      const db = openCaseDb(resolve(o.case), { readOnly: true });
      try {
        const selection = filterOption(o.filter.trim() ? `label && (${o.filter})` : 'label', db);
        let buffer = o.format === 'csv' ? `${csvHeader()},label_app,label_activity\n` : '';
        const flush = async () => {
          if (!process.stdout.write(buffer)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
          buffer = '';
        };
        for (const f of iterateFlows(db, { selection })) {
          const rec = withLabelColumns(f);
          buffer += o.format === 'csv' ? `${csvRow(rec)},${rec.label_app ?? ''},${rec.label_activity ?? ''}\n` : `${JSON.stringify(rec)}\n`;
          if (buffer.length > 1 << 16) await flush();
        }
        await flush();
      } finally {
        db.close();
      }
    });
}
