import type { JobFinished } from '../../shared/domain/job';
import { api } from './client';

/**
 * Waits for a job's `job.finished` event. Subscribe before starting the job:
 * a short job can finish before the call that started it has answered, so
 * events are kept until someone asks for them.
 */
export function jobWaiter(): { wait: (jobId: string) => Promise<JobFinished>; dispose: () => void } {
  const seen = new Map<string, JobFinished>();
  const waiting = new Map<string, (f: JobFinished) => void>();
  const off = api.on('job.finished', (f) => {
    const resolve = waiting.get(f.jobId);
    if (resolve) resolve(f);
    else seen.set(f.jobId, f);
  });
  return {
    wait: (jobId) =>
      new Promise((resolve) => {
        const done = seen.get(jobId);
        if (done) resolve(done);
        else waiting.set(jobId, resolve);
      }),
    dispose: off,
  };
}
