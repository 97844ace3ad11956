import type { JobKind } from '../../shared/domain/job';
import { JobRunner } from '../jobs/job-runner';
import { CliError } from './cli-error';
import { ProgressBar } from './progress-bar';

/**
 * Runs a job's worker from the command line as the app does: progress on
 * stderr (unless quiet), Ctrl-C cancels it, a failure is one line. Resolves
 * with the worker's result.
 */
export async function runCliJob<I>(kind: JobKind, worker: string, input: I, o: { quiet?: boolean; what: string }): Promise<unknown> {
  const bar = o.quiet ? null : new ProgressBar('items');
  let result: unknown = null;
  const runner = new JobRunner({ progress: (p) => bar?.update(p), finished: (_f, r) => (result = r) });
  const { jobId, done } = runner.start(kind, worker, input);
  const onSigint = () => runner.cancel(jobId);
  process.once('SIGINT', onSigint);
  const end = await done;
  process.off('SIGINT', onSigint);
  bar?.stop();
  if (end.status === 'cancelled') throw new CliError(`${o.what} cancelled; the case is unchanged`, 130);
  if (end.status === 'failed') throw new CliError(end.error ?? `${o.what} failed`);
  return result;
}
