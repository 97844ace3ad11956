import type { Command } from 'commander';
import { resolve } from 'node:path';
import { sniffCaptureFile } from '../../capture/capture-file';
import { openCaseDb } from '../../cases/case-db';
import { currentUser } from '../../cases/case-user';
import { deleteEvidence, interruptedImports, markInterruptedImports, resumePoint } from '../../cases/evidence-store';
import type { IngestJobInput } from '../../jobs/ingest-worker';
import type { IngestJobResult } from '../../jobs/ingest-worker';
import { describeImportFilter, ImportFilter } from '../../../shared/domain/import-filter';
import { labelAuthor } from '../../labels/label-author';
import { labelOption } from '../label-option';
import { appVersion } from '../../app-version';
import { CliError } from '../cli-error';
import { runCliJob } from '../run-cli-job';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read capture files (pcap, pcapng, .gz) into a case, creating the case if needed; or resume/discard an interrupted import')
    .argument('[files...]', 'capture files')
    .requiredOption('--case <path>', 'case file (*.flowsight)')
    .option('--idle-timeout <s>', 'seconds of silence that end a flow', '120')
    .option('--active-timeout <s>', 'seconds after which a long flow is cut', '1800')
    .option('--ip-only', 'count packets without an IP layer (ARP, LLDP…) as filtered out')
    .option('--exclude <addrs>', 'drop packets to or from these addresses or CIDR blocks (comma-separated, repeatable), e.g. the capture proxy', collect, [])
    .option('--only-hosts <addrs>', 'keep only packets to or from these addresses or CIDR blocks (comma-separated, repeatable)', collect, [])
    .option('--label <name>', 'label every flow of this import, e.g. "WhatsApp/send-photo" (provenance import)')
    .option('--resume', 'resume the interrupted imports of the case (their committed flows are kept)')
    .option('--discard-interrupted', 'discard the interrupted imports of the case and their flows')
    .option('--quiet', 'no progress bar')
    .action(async (files: string[], o: { case: string; idleTimeout: string; activeTimeout: string; resume?: boolean; discardInterrupted?: boolean; quiet?: boolean; ipOnly?: boolean; exclude: string[]; onlyHosts: string[]; label?: string }) => {
      const casePath = resolve(o.case);
      const user = currentUser();
      const paths = files.map((f) => resolve(f));
      if (o.resume && o.discardInterrupted) throw new CliError('--resume and --discard-interrupted exclude each other', 2);
      if ((o.resume || o.discardInterrupted) && paths.length) throw new CliError('--resume and --discard-interrupted take no files', 2);
      if (!o.resume && !o.discardInterrupted && paths.length === 0) throw new CliError('give capture files to import (or --resume / --discard-interrupted)', 2);
      for (const p of paths) sniffCaptureFile(p);
      // Create or migrate the case here, so schema errors surface before any work starts.
      const db = openCaseDb(casePath, { create: paths.length > 0, user });
      let resumes: IngestJobInput['resume'][] = [];
      try {
        markInterruptedImports(db, user);
        const interrupted = interruptedImports(db);
        if (o.discardInterrupted) {
          for (const i of interrupted) {
            deleteEvidence(db, i.evidenceId, user, 'discard');
            process.stderr.write(`${i.path}: interrupted import discarded (${i.flows} flows removed)\n`);
          }
          if (interrupted.length === 0) process.stderr.write('no interrupted import in this case\n');
          return;
        }
        if (o.resume) {
          if (interrupted.length === 0) throw new CliError('no interrupted import in this case', 1);
          resumes = interrupted.map((i) => resumePoint(db, i.evidenceId));
        } else if (interrupted.length) {
          process.stderr.write(`note: ${interrupted.length} interrupted import(s) in this case (${interrupted.map((i) => i.path).join(', ')}); resume them with --resume or drop them with --discard-interrupted\n`);
        }
      } finally {
        db.close();
      }
      const idleTimeout = positive(o.idleTimeout, '--idle-timeout');
      const activeTimeout = positive(o.activeTimeout, '--active-timeout');
      const parsed = ImportFilter.safeParse({ ipOnly: o.ipOnly ?? false, exclude: o.exclude, only: o.onlyHosts });
      if (!parsed.success) {
        const bad = parsed.error.issues.map((i) => `${i.path[0] === 'only' ? '--only-hosts' : '--exclude'} ${JSON.stringify(o[i.path[0] === 'only' ? 'onlyHosts' : 'exclude'][i.path[1] as number])}: ${i.message}`);
        throw new CliError(bad.join('\n'), 2);
      }
      const importFilter = parsed.data;
      const label = o.label === undefined ? undefined : { name: labelOption(o.label), author: labelAuthor() };
      const base = { casePath, user, recordOptions: { flowsight: appVersion() } };
      const inputs: IngestJobInput[] = o.resume ? resumes.map((resume) => ({ ...base, files: [], resume })) : [{ ...base, files: paths, engine: { idleTimeout, activeTimeout }, importFilter, label }];
      if (!o.resume && (importFilter.ipOnly || importFilter.exclude.length || importFilter.only.length)) process.stderr.write(`import filter: ${describeImportFilter(importFilter)}\n`);
      for (const input of inputs) await runIngest(input, o.quiet ?? false);
    });
}

async function runIngest(input: IngestJobInput, quiet: boolean): Promise<void> {
  const { result } = await runCliJob('ingest', 'ingest-worker', input, {
    quiet,
    unit: 'bytes',
    ...(input.resume ? { what: 'resume', afterCancel: 'the import is interrupted again, its committed flows kept' } : { what: 'ingest' }),
  });
  for (const f of (result as IngestJobResult | null)?.files ?? []) {
    const skipped = Object.entries(f.skipped).map(([why, n]) => `${n} ${why}`).join(', ');
    const resumed = f.alreadyCommitted !== undefined ? ` (resumed: ${f.alreadyCommitted} flows were already committed)` : '';
    process.stderr.write(`${f.path}: ${f.status}, ${f.packets} packets, ${f.flows} flows${resumed}${skipped ? `; skipped: ${skipped}` : ''}${f.problem ? `; ${f.problem}` : ''}; sha256 ${f.sha256}\n`);
  }
  const labelled = (result as IngestJobResult | null)?.labelled;
  if (labelled && input.label) process.stderr.write(`labelled ${JSON.stringify(input.label.name)}: ${labelled.changed} flows (batch ${labelled.batch})\n`);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

function positive(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`${name} must be a positive number of seconds, not ${JSON.stringify(v)}`, 2);
  return n;
}
