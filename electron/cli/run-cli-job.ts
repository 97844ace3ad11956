import type { JobKind } from '../../shared/domain/job';
import { JobRunner } from '../jobs/job-runner';
import { CliError } from './cli-error';
import { ProgressBar } from './progress-bar';

export interface CliJobOptions {
  quiet?: boolean;
  /** The work, as messages name it: "`what` cancelled", "`what` failed". */
  what: string;
  /** What the progress bar counts (default items). */
  unit?: 'bytes' | 'items';
  /** What a cancel leaves, said after it (default: the case is unchanged; empty: nothing said). */
  afterCancel?: string;
}

/**
 * Runs a job's worker from the command line as the app does: progress on
 * stderr (unless quiet), Ctrl-C cancels it, a failure is one line. Resolves
 * with the worker's result and the job's summary.
 */
export async function runCliJob<I>(kind: JobKind, worker: string, input: I, o: CliJobOptions): Promise<{ result: unknown; summary: Record<string, number> }> {
  const bar = o.quiet ? null : new ProgressBar(o.unit ?? 'items');
  let result: unknown = null;
  const runner = new JobRunner({ progress: (p) => bar?.update(p), finished: (_f, r) => (result = r) });
  const { jobId, done } = runner.start(kind, worker, input);
  const onSigint = () => runner.cancel(jobId);
  process.once('SIGINT', onSigint);
  const end = await done;
  process.off('SIGINT', onSigint);
  bar?.stop();
  if (end.status === 'cancelled') {
    const left = o.afterCancel ?? 'the case is unchanged';
    throw new CliError(`${o.what} cancelled${left ? `; ${left}` : ''}`, 130);
  }
  if (end.status === 'failed') throw new CliError(end.error ?? `${o.what} failed`);
  return { result, summary: end.summary };
}
