import type { Command } from 'commander';
import { resolve } from 'node:path';
import { openCaseForReading } from '../../cases/case-db';
import { checkEvidenceFile } from '../../cases/evidence-integrity';
import { listEvidence } from '../../cases/evidence-store';
import { CliError } from '../cli-error';

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description("check every evidence file of a case against the SHA-256 and size recorded at import; exits 1 naming each changed or missing file")
    .requiredOption('--case <path>', 'case file')
    .option('--json', 'one JSON object per evidence file on stdout')
    .action((o: { case: string; json?: boolean }) => {
      const casePath = resolve(o.case);
      // Read-only (untouched when the case is closed): verifying must not change what it verifies.
      const db = openCaseForReading(casePath);
      const evidence = listEvidence(db).filter((e) => e.purgedAt === null);
      db.close();
      const bad: string[] = [];
      for (const e of evidence) {
        const { stamp: _stamp, ...c } = checkEvidenceFile({ id: e.id, path: e.path, size: e.size, sha256: e.sha256, mtime: null, status: e.status, removed: e.removedAt !== null });
        if (c.state === 'changed' || c.state === 'missing') bad.push(`${c.path}: ${c.detail}`);
        if (o.json) process.stdout.write(`${JSON.stringify(c)}\n`);
        else process.stdout.write(`${c.state.toUpperCase().padEnd(8)} ${c.path}  ${c.actualSha256 ?? c.expectedSha256 ?? '-'}${c.state === 'ok' ? '' : `  (${c.detail})`}\n`);
      }
      if (bad.length) throw new CliError(`evidence changed or missing:\n${bad.map((b) => `  ${b}`).join('\n')}`, 1);
      process.stderr.write(`${evidence.length} evidence file(s) checked; none changed\n`);
    });
}
