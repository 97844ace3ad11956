import type { Command } from 'commander';
import { resolve } from 'node:path';
import { openCaseForReading } from '../../cases/case-db';
import { auditHeader, auditLine, type AuditFormat } from '../../cases/audit-export';
import { iterateAudit, verifyAudit } from '../../cases/audit-log';
import { CliError } from '../cli-error';

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description("print a case's audit trail, or check its hash chain with --verify (exits 1 naming the first broken entry)")
    .requiredOption('--case <path>', 'case file')
    .option('--verify', 'check the chain instead of printing it')
    .option('--format <format>', 'text, jsonl or csv', 'text')
    .action((o: { case: string; verify?: boolean; format: string }) => {
      if (!['text', 'jsonl', 'csv'].includes(o.format)) throw new CliError(`--format must be text, jsonl or csv, not ${JSON.stringify(o.format)}`, 2);
      const db = openCaseForReading(resolve(o.case));
      try {
        if (o.verify) {
          const v = verifyAudit(db);
          if (!v.ok) throw new CliError(`audit trail broken at entry ${v.firstBroken!.seq}: ${v.firstBroken!.reason} (${v.entries} entries before it hold)`, 1);
          process.stdout.write(`audit trail intact: ${v.entries} entries, head ${v.head}\n`);
          return;
        }
        if (o.format === 'text') {
          for (const e of iterateAudit(db)) process.stdout.write(`${String(e.seq).padStart(5)}  ${e.at}  ${e.user.padEnd(12)}  ${e.action.padEnd(26)}  ${JSON.stringify(e.params)}\n`);
          return;
        }
        const header = auditHeader(o.format as AuditFormat);
        if (header) process.stdout.write(`${header}\n`);
        for (const e of iterateAudit(db)) process.stdout.write(`${auditLine(e, o.format as AuditFormat)}\n`);
      } finally {
        db.close();
      }
    });
}
