import { openCaseDb } from '../cases/case-db';
import { readProfileSettings } from '../cases/profile-settings';
import { profileSignature, profilesComputedAt, storedSignature } from '../analysis/hosts/profile-store';
import { JobRunner } from '../jobs/job-runner';
import type { ProfileJobInput } from '../jobs/profile-worker';
import { CliError } from './cli-error';
import { ProgressBar } from './progress-bar';

/**
 * Computes a case's host profiles as a job (progress on stderr, Ctrl-C
 * cancels) when they are missing, stale, or `force` asks; otherwise the stored
 * ones are used as they are.
 */
export async function ensureProfiles(casePath: string, o: { force?: boolean; quiet?: boolean }): Promise<void> {
  const db = openCaseDb(casePath);
  let fresh: boolean;
  try {
    fresh = profilesComputedAt(db) !== null && storedSignature(db) === profileSignature(db, readProfileSettings(db));
  } finally {
    db.close();
  }
  if (fresh && !o.force) return;
  const bar = o.quiet ? null : new ProgressBar('items');
  const runner = new JobRunner({ progress: (p) => bar?.update(p), finished: () => undefined });
  const input: ProfileJobInput = { casePath };
  const { jobId, done } = runner.start('profiles', 'profile-worker', input);
  const onSigint = () => runner.cancel(jobId);
  process.once('SIGINT', onSigint);
  const end = await done;
  process.off('SIGINT', onSigint);
  bar?.stop();
  if (end.status === 'cancelled') throw new CliError('profile computation cancelled; the stored profiles are unchanged', 130);
  if (end.status === 'failed') throw new CliError(end.error ?? 'profile computation failed');
}
