import { useCallback, useState } from 'react';
import type { JobFinished, JobProgress } from '../../../shared/domain/job';
import { api } from '../../api/client';
import { useEvent } from '../../api/use-event';
import { countersText, jobTitle } from '../../../shared/format/job-text';

/**
 * Progress of the running jobs, each with a Cancel button; the last outcome stays
 * visible. A live capture has its own bar (counters, Stop, tags), so it is not shown here.
 */
export function JobProgressBar() {
  const [jobs, setJobs] = useState<Map<string, JobProgress>>(new Map());
  const [last, setLast] = useState<JobFinished | null>(null);

  const onProgress = useCallback((p: JobProgress) => {
    if (p.kind !== 'capture') setJobs((m) => new Map(m).set(p.jobId, p));
  }, []);
  const onFinished = useCallback((f: JobFinished) => {
    if (f.kind === 'capture') return;
    setJobs((m) => {
      const next = new Map(m);
      next.delete(f.jobId);
      return next;
    });
    setLast(f);
  }, []);
  useEvent('job.progress', onProgress);
  useEvent('job.finished', onFinished);

  return (
    <div className="jobs">
      {[...jobs.values()].map((p) => {
        const pct = p.total > 0 ? Math.min(100, (100 * p.done) / p.total) : 0;
        return (
          <div className="job" key={p.jobId} data-testid="job-progress" role="progressbar" aria-valuenow={Math.round(pct)} aria-valuemin={0} aria-valuemax={100}>
            <span className="job-label">{p.message}</span>
            <div className="bar">
              <div className="fill" style={{ width: `${pct}%` }} />
            </div>
            <span className="job-counters">
              {[`${Math.round(pct)}%`, ...countersText(p.counters)].join(' · ')}
            </span>
            <button onClick={() => void api.invoke('jobs.cancel', { jobId: p.jobId })}>Cancel</button>
          </div>
        );
      })}
      {jobs.size === 0 && last && (
        <div className={`job-result ${last.status}`} data-testid="job-result">
          {[`${jobTitle(last.kind)} ${last.status}${last.error ? `: ${last.error}` : ''}`, ...(last.status === 'done' ? countersText(last.summary) : [])].join(' · ')}
        </div>
      )}
    </div>
  );
}
