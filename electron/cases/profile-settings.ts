import { ApiError } from '../../shared/contract/errors';
import { defaultProfileSettings, ProfileSettings } from '../../shared/domain/hosts';
import { LocalNetworks } from '../analysis/hosts/local-networks';
import { audited } from './audit-log';
import { caseMeta, setCaseMeta, type CaseDb } from './case-db';
import { currentUser } from './case-user';

const KEY = 'profile_settings';

/** The case's profile settings (local networks, time zone, session gap, typing pause); defaults where unset. */
export function readProfileSettings(db: CaseDb): ProfileSettings {
  const raw = caseMeta(db, KEY);
  if (!raw) return defaultProfileSettings;
  const parsed = ProfileSettings.safeParse({ ...defaultProfileSettings, ...(JSON.parse(raw) as object) });
  return parsed.success ? parsed.data : defaultProfileSettings;
}

/** Checks and stores settings, audited as `hosts.settings`; a bad CIDR block or time zone is refused with its reason. */
export function writeProfileSettings(db: CaseDb, s: ProfileSettings, user = currentUser()): ProfileSettings {
  LocalNetworks.parse(s.localNetworks);
  if (!isTimeZone(s.timeZone)) throw new ApiError('bad_input', `unknown time zone ${JSON.stringify(s.timeZone)} (use an IANA name such as Europe/Berlin, or UTC)`);
  const previous = readProfileSettings(db);
  audited(db, { user, action: 'hosts.settings', params: { settings: s, previous } }, () => setCaseMeta(db, KEY, JSON.stringify(s)));
  return s;
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
