import { ApiError } from '../../../shared/contract/errors';
import { caseSummary, hostProfile, interactiveSessions, listHosts, profileSignature, profilesComputedAt, storedSignature } from '../../analysis/hosts/profile-store';
import { dbipDatabasePath, DBIP_ATTRIBUTION } from '../../analysis/geo/dbip-country';
import { readProfileSettings, writeProfileSettings } from '../../cases/profile-settings';
import type { ProfileJobInput } from '../../jobs/profile-worker';
import type { HandlerGroup } from '../handler';

export const hostHandlers: HandlerGroup<'hosts.list' | 'hosts.profile' | 'hosts.sessions' | 'hosts.compute' | 'hosts.settings'> = {
  'hosts.list': (_input, s) => {
    const { db } = s.requireCase();
    const settings = readProfileSettings(db);
    const computedAt = profilesComputedAt(db);
    const database = dbipDatabasePath();
    return {
      computedAt,
      stale: computedAt !== null && storedSignature(db) !== profileSignature(db, settings),
      settings,
      geo: { available: database !== null, attribution: DBIP_ATTRIBUTION, database: database ? 'DB-IP IP to Country Lite (CC BY 4.0)' : null },
      case: caseSummary(db),
      hosts: listHosts(db),
    };
  },
  'hosts.profile': ({ id }, s) => {
    const p = hostProfile(s.requireCase().db, id);
    if (!p) throw new ApiError('not_found', `no host ${id} in this case's profiles (compute them first)`);
    return p;
  },
  'hosts.sessions': ({ hostId }, s) => interactiveSessions(s.requireCase().db, hostId),
  'hosts.compute': (_input, s) => {
    const c = s.requireWritableCase();
    if (s.jobs.running('ingest').length || s.jobs.running('flow-import').length) throw new ApiError('conflict', 'flows are being imported; compute the profiles when that is done');
    if (s.jobs.running('profiles').length) throw new ApiError('conflict', 'the profiles are already being computed');
    const input: ProfileJobInput = { casePath: c.path, nativeBinding: s.opts.nativeBinding, user: s.user };
    return { jobId: s.jobs.start('profiles', 'profile-worker', input).jobId };
  },
  'hosts.settings': ({ settings }, s) => {
    const c = s.requireWritableCase();
    return writeProfileSettings(c.db, settings, s.user);
  },
};
