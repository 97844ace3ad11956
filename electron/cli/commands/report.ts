import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { appVersion } from '../../app-version';
import { openCaseForReading } from '../../cases/case-db';
import { collectReport } from '../../report/report-data';
import { renderReportHtml } from '../../report/report-html';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write a self-contained HTML report of a case (metadata, evidence with hashes, statistics, plots, findings, labels and model, notes, audit excerpt), and the same content as JSON')
    .requiredOption('--case <path>', 'case file')
    .requiredOption('--out <file>', 'HTML report to write')
    .option('--json <file>', 'also write the report as JSON')
    .action((o: { case: string; out: string; json?: string }) => {
      const casePath = resolve(o.case);
      const db = openCaseForReading(casePath);
      let data;
      try {
        data = collectReport(db, casePath, appVersion());
      } finally {
        db.close();
      }
      writeFileSync(resolve(o.out), renderReportHtml(data));
      if (o.json) writeFileSync(resolve(o.json), `${JSON.stringify(data, null, 2)}\n`);
      const changed = data.evidence.filter((e) => e.check.state === 'changed' || e.check.state === 'missing').length;
      process.stderr.write(`report written: ${resolve(o.out)}${o.json ? ` and ${resolve(o.json)}` : ''}${changed ? ` (note: ${changed} evidence file(s) changed or missing)` : ''}\n`);
    });
}
