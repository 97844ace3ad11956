import type { Command } from 'commander';
import { resolve } from 'node:path';
import { sniffCaptureFile } from '../../capture/capture-file';
import { openCaseDb } from '../../cases/case-db';
import { JobRunner } from '../../jobs/job-runner';
import type { IngestJobInput } from '../../jobs/ingest-worker';
import type { IngestResult } from '../../ingest/ingest-files';
import { CliError } from '../cli-error';
import { ProgressBar } from '../progress-bar';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read capture files (pcap, pcapng, .gz) into a case, creating the case if needed')
    .argument('<files...>', 'capture files')
    .requiredOption('--case <path>', 'case file (*.flowsight)')
    .option('--idle-timeout <s>', 'seconds of silence that end a flow', '120')
    .option('--active-timeout <s>', 'seconds after which a long flow is cut', '1800')
    .option('--quiet', 'no progress bar')
    .action(async (files: string[], o: { case: string; idleTimeout: string; activeTimeout: string; quiet?: boolean }) => {
      const casePath = resolve(o.case);
      const paths = files.map((f) => resolve(f));
      for (const p of paths) sniffCaptureFile(p);
      // Create or migrate the case here, so schema errors surface before any work starts.
      openCaseDb(casePath, { create: true }).close();
      const idleTimeout = positive(o.idleTimeout, '--idle-timeout');
      const activeTimeout = positive(o.activeTimeout, '--active-timeout');

      const bar = o.quiet ? null : new ProgressBar('bytes');
      let result: IngestResult | null = null;
      const runner = new JobRunner({
        progress: (p) => bar?.update(p),
        finished: (_f, r) => (result = r as IngestResult),
      });
      const input: IngestJobInput = { casePath, files: paths, engine: { idleTimeout, activeTimeout } };
      const { jobId, done } = runner.start('ingest', 'ingest-worker', input);
      const onSigint = () => runner.cancel(jobId);
      process.once('SIGINT', onSigint);
      const end = await done;
      process.off('SIGINT', onSigint);
      bar?.stop();
      if (end.status === 'cancelled') throw new CliError('ingest cancelled; the case is unchanged', 130);
      if (end.status === 'failed') throw new CliError(end.error ?? 'ingest failed');
      for (const f of (result as IngestResult | null)?.files ?? []) {
        const skipped = Object.entries(f.skipped).map(([why, n]) => `${n} ${why}`).join(', ');
        process.stderr.write(
          `${f.path}: ${f.status}, ${f.packets} packets, ${f.flows} flows${skipped ? `; skipped: ${skipped}` : ''}${f.problem ? `; ${f.problem}` : ''}\n`,
        );
      }
    });
}

function positive(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`${name} must be a positive number of seconds, not ${JSON.stringify(v)}`, 2);
  return n;
}
