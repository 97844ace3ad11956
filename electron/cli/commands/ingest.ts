import type { Command } from 'commander';
import { resolve } from 'node:path';
import { sniffCaptureFile } from '../../capture/capture-file';
import { openCaseDb } from '../../cases/case-db';
import { JobRunner } from '../../jobs/job-runner';
import type { IngestJobInput } from '../../jobs/ingest-worker';
import type { IngestJobResult } from '../../jobs/ingest-worker';
import { describeImportFilter, ImportFilter } from '../../../shared/domain/import-filter';
import { labelAuthor } from '../../labels/label-author';
import { labelOption } from '../label-option';
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
    .option('--ip-only', 'count packets without an IP layer (ARP, LLDP…) as filtered out')
    .option('--exclude <addrs>', 'drop packets to or from these addresses or CIDR blocks (comma-separated, repeatable), e.g. the capture proxy', collect, [])
    .option('--only-hosts <addrs>', 'keep only packets to or from these addresses or CIDR blocks (comma-separated, repeatable)', collect, [])
    .option('--label <name>', 'label every flow of this import, e.g. "WhatsApp/send-photo" (provenance import)')
    .option('--quiet', 'no progress bar')
    .action(async (files: string[], o: { case: string; idleTimeout: string; activeTimeout: string; quiet?: boolean; ipOnly?: boolean; exclude: string[]; onlyHosts: string[]; label?: string }) => {
      const casePath = resolve(o.case);
      const paths = files.map((f) => resolve(f));
      for (const p of paths) sniffCaptureFile(p);
      // Create or migrate the case here, so schema errors surface before any work starts.
      openCaseDb(casePath, { create: true }).close();
      const idleTimeout = positive(o.idleTimeout, '--idle-timeout');
      const activeTimeout = positive(o.activeTimeout, '--active-timeout');
      const parsed = ImportFilter.safeParse({ ipOnly: o.ipOnly ?? false, exclude: o.exclude, only: o.onlyHosts });
      if (!parsed.success) {
        const bad = parsed.error.issues.map((i) => `${i.path[0] === 'only' ? '--only-hosts' : '--exclude'} ${JSON.stringify(o[i.path[0] === 'only' ? 'onlyHosts' : 'exclude'][i.path[1] as number])}: ${i.message}`);
        throw new CliError(bad.join('\n'), 2);
      }
      const importFilter = parsed.data;
      const label = o.label === undefined ? undefined : { name: labelOption(o.label), author: labelAuthor() };

      const bar = o.quiet ? null : new ProgressBar('bytes');
      let result: IngestJobResult | null = null;
      const runner = new JobRunner({
        progress: (p) => bar?.update(p),
        finished: (_f, r) => (result = r as IngestJobResult),
      });
      const input: IngestJobInput = { casePath, files: paths, engine: { idleTimeout, activeTimeout }, importFilter, label };
      const { jobId, done } = runner.start('ingest', 'ingest-worker', input);
      const onSigint = () => runner.cancel(jobId);
      process.once('SIGINT', onSigint);
      const end = await done;
      process.off('SIGINT', onSigint);
      bar?.stop();
      if (end.status === 'cancelled') throw new CliError('ingest cancelled; the case is unchanged', 130);
      if (end.status === 'failed') throw new CliError(end.error ?? 'ingest failed');
      const ingested = result as IngestJobResult | null;
      if (importFilter.ipOnly || importFilter.exclude.length || importFilter.only.length) process.stderr.write(`import filter: ${describeImportFilter(importFilter)}\n`);
      for (const f of ingested?.files ?? []) {
        const skipped = Object.entries(f.skipped).map(([why, n]) => `${n} ${why}`).join(', ');
        process.stderr.write(
          `${f.path}: ${f.status}, ${f.packets} packets, ${f.flows} flows${skipped ? `; skipped: ${skipped}` : ''}${f.problem ? `; ${f.problem}` : ''}\n`,
        );
      }
      if (ingested?.labelled) process.stderr.write(`labelled ${JSON.stringify(label!.name)}: ${ingested.labelled.changed} flows (batch ${ingested.labelled.batch})\n`);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

function positive(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`${name} must be a positive number of seconds, not ${JSON.stringify(v)}`, 2);
  return n;
}
