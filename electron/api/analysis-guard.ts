import { ApiError } from '../../shared/contract/errors';
import type { JobKind } from '../../shared/domain/job';
import type { Session } from './session';

/**
 * An analysis writes its results into the open case: not in a read-only case,
 * not while flows are still arriving (ingest, live capture: the results would
 * be stale at once), and one of each kind at a time.
 */
export function requireAnalysable(s: Session, kind: JobKind): ReturnType<Session['requireCase']> {
  const c = s.requireWritableCase();
  if (s.jobs.running('ingest').length > 0 || s.capture.running) throw new ApiError('conflict', 'flows are still being added to this case; wait for the ingest or capture to end');
  if (s.jobs.running(kind).length > 0) throw new ApiError('conflict', `a ${kind} job is already running on this case`);
  return c;
}
