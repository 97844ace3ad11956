import type { Command } from 'commander';
import { resolve } from 'node:path';
import { interactiveSessions } from '../../analysis/hosts/profile-store';
import { openCaseDb } from '../../cases/case-db';
import { CliError } from '../cli-error';
import { ensureProfiles } from '../ensure-profiles';

/** Prints the interactive SSH/Telnet sessions of a case as JSON lines (profiles computed first when missing or stale). */
export async function printInteractiveSessions(casePathArg: string, o: { recompute?: boolean; quiet?: boolean }): Promise<void> {
  const casePath = resolve(casePathArg);
  await ensureProfiles(casePath, { force: o.recompute, quiet: o.quiet });
  const db = openCaseDb(casePath, { readOnly: true });
  try {
    for (const s of interactiveSessions(db)) {
      const rec = {
        flow_id: s.flowId,
        protocol: s.protocol,
        client: s.client,
        client_port: s.clientPort,
        server: s.server,
        server_port: s.serverPort,
        start: s.start,
        duration: s.duration,
        keystrokes: s.keystrokes,
        typing_seconds: s.typingSeconds,
        typing_cpm: s.typingCpm,
        note: s.note,
      };
      process.stdout.write(`${JSON.stringify(rec)}\n`);
    }
  } finally {
    db.close();
  }
}

export function registerInteractiveSessions(program: Command): void {
  program
    .command('interactive-sessions')
    .description('print the interactive SSH/Telnet sessions with their typing speed, one line each (same as sessions --interactive)')
    .requiredOption('--case <path>', 'case file')
    .option('--format <format>', 'jsonl', 'jsonl')
    .option('--recompute', 'compute the profiles again even if they are current')
    .option('--quiet', 'no progress bar')
    .action(async (o: { case: string; format: string; recompute?: boolean; quiet?: boolean }) => {
      if (o.format !== 'jsonl') throw new CliError(`--format must be jsonl, not ${JSON.stringify(o.format)}`, 2);
      await printInteractiveSessions(o.case, o);
    });
}
