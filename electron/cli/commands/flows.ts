import type { Command } from 'commander';
import { resolve } from 'node:path';
import { openCaseDb } from '../../cases/case-db';
import { iterateFlows } from '../../cases/flow-reader';
import { CliError } from '../cli-error';
import { writeFlows, type FlowFormat } from '../flow-output';
import { filterOption } from '../filter-option';

export function registerFlows(program: Command): void {
  program
    .command('flows')
    .description("print a case's flows")
    .requiredOption('--case <path>', 'case file')
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .option('--limit <n>', 'at most this many flows')
    .option('--filter <expr>', 'only flows matching this display filter, e.g. "tcp.port == 443 && sni contains \\"google\\""', '')
    .action(async (o: { case: string; format: string; limit?: string; filter: string }) => {
      if (o.format !== 'jsonl' && o.format !== 'csv') throw new CliError(`--format must be jsonl or csv, not ${JSON.stringify(o.format)}`, 2);
      const limit = o.limit === undefined ? undefined : Number(o.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw new CliError('--limit must be a non-negative integer', 2);
      const db = openCaseDb(resolve(o.case), { readOnly: true });
      try {
        const selection = filterOption(o.filter, db);
        await writeFlows(process.stdout, iterateFlows(db, { limit, selection }), o.format as FlowFormat);
      } finally {
        db.close();
      }
    });
}
