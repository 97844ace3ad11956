import type { HandlerGroup } from '../handler';

export const jobHandlers: HandlerGroup<'jobs.list' | 'jobs.cancel'> = {
  'jobs.list': (_input, s) => s.jobs.list(),
  'jobs.cancel': ({ jobId }, s) => ({ cancelled: s.jobs.cancel(jobId) }),
};
