import { openCaseDb } from '../cases/case-db';
import { readProfileSettings } from '../cases/profile-settings';
import { profileSignature, profilesComputedAt, storedSignature } from '../analysis/hosts/profile-store';
import type { ProfileJobInput } from '../jobs/profile-worker';
import { runCliJob } from './run-cli-job';

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
  const input: ProfileJobInput = { casePath };
  await runCliJob('profiles', 'profile-worker', input, { quiet: o.quiet, what: 'profile computation', afterCancel: 'the stored profiles are unchanged' });
}
