import { dispatch } from '../../electron/api/dispatch';
import { MemoryLogger } from '../../electron/api/log';
import { Session } from '../../electron/api/session';
import type { JobFinished } from '../../shared/domain/job';

/** A Session in this process (real workers), driven through the same dispatch as both transports. */
export function testSession(): { session: Session; call: <T>(name: string, input: unknown) => Promise<T>; waitJob: () => Promise<JobFinished> } {
  const session = new Session({ log: new MemoryLogger(), transport: 'serve', version: 'test' });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await dispatch(session, name, input, 'test');
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.result as T;
  };
  const waitJob = () =>
    new Promise<JobFinished>((resolve) => {
      const off = session.onEvent((event, payload) => {
        if (event === 'job.finished') {
          off();
          resolve(payload as JobFinished);
        }
      });
    });
  return { session, call, waitJob };
}
