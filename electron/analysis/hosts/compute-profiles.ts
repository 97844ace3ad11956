import type { CaseDb } from '../../cases/case-db';
import { readProfileSettings } from '../../cases/profile-settings';
import { openDbipCountry } from '../geo/dbip-country';
import type { CountryLookup } from '../geo/country-lookup';
import { buildProfiles } from './profile-builder';
import { profileSignature, storeProfiles } from './profile-store';

export interface ComputeResult {
  hosts: number;
  flows: number;
  interactive: number;
}

/** Builds and stores a case's profiles with its own settings; null when stopped (the stored ones are left as they were). */
export async function computeProfiles(
  db: CaseDb,
  opts: { user?: string; geo?: CountryLookup; onProgress?: (done: number, total: number, stage: string) => void; shouldStop?: () => boolean } = {},
): Promise<ComputeResult | null> {
  const settings = readProfileSettings(db);
  // The signature is taken before reading: flows added meanwhile make the result stale, not wrong.
  const signature = profileSignature(db, settings);
  const built = await buildProfiles(db, { settings, geo: opts.geo ?? openDbipCountry(), onProgress: opts.onProgress, shouldStop: opts.shouldStop });
  if (!built) return null;
  storeProfiles(db, built, signature, undefined, opts.user);
  return { hosts: built.hosts.length, flows: built.caseProfile.summary.flows, interactive: built.sessions.length };
}
