import { ApiError } from '../../../shared/contract/errors';
import { copyCase } from '../../cases/case-copy';
import { updateMetadata } from '../../cases/case-metadata';
import type { HandlerGroup } from '../handler';
import { requireRegularFile } from '../path-policy';
import { forgetCase, isRecentCase, recentCases } from '../recent-cases';

const withSuffix = (p: string) => (p.endsWith('.flowsight') ? p : `${p}.flowsight`);

export const caseHandlers: HandlerGroup<'case.current' | 'case.open' | 'case.create' | 'case.close' | 'case.saveAs' | 'case.recent' | 'case.forgetRecent' | 'case.setMetadata'> = {
  'case.current': (_input, s) => s.summary(),
  'case.open': ({ path, readOnly }, s) => {
    const p = s.paths.admit(path, 'a case to open', isRecentCase);
    requireRegularFile(p);
    return s.openCase(p, { readOnly });
  },
  'case.create': ({ path }, s) => s.openCase(s.paths.admit(withSuffix(path), 'a new case'), { create: true }),
  'case.close': (_input, s) => ({ closed: s.closeCase() }),
  'case.saveAs': async ({ path }, s) => {
    const c = s.requireCase();
    if (s.jobs.running().some((j) => j.kind === 'ingest') || s.capture.running) throw new ApiError('conflict', 'an import or capture is writing the case; wait for it to finish before saving a copy');
    const dest = s.paths.admit(withSuffix(path), 'where to save the copy');
    // A read-only case stays untouched: its copy may not go into its own folder either.
    if (c.readOnly && s.inCaseFolder(dest)) throw new ApiError('read_only', `${dest}: the case is open read-only, so nothing is written to its folder; save the copy elsewhere`);
    await copyCase(c.db, c.path, dest, s.user, s.opts.nativeBinding);
    return s.openCase(dest);
  },
  'case.recent': () => recentCases(),
  'case.forgetRecent': ({ path }) => forgetCase(path),
  'case.setMetadata': (patch, s) => {
    const c = s.requireWritableCase();
    const m = updateMetadata(c.db, patch, s.user);
    s.emit('case.changed', { reason: 'metadata' });
    return m;
  },
};
