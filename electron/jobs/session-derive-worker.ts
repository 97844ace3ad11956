import { openCaseDb } from '../cases/case-db';
import { deriveTrafficSessions } from '../fingerprint/derive-traffic-sessions';
import { runJob } from './job-worker';

export interface SessionDeriveJobInput {
  casePath: string;
  nativeBinding?: string;
  /** Who started the job, for the audit trail; default: the operating-system account. */
  user?: string;
}

// Turning the case's interactive SSH/Telnet/RDP/FTP connections into classified session records.
runJob<SessionDeriveJobInput>(async (ctx) => {
  const { casePath, nativeBinding, user } = ctx.input;
  const db = openCaseDb(casePath, { nativeBinding });
  try {
    const r = deriveTrafficSessions(db, { user, shouldStop: ctx.cancelled, onProgress: (done, total) => ctx.progress(done, total, 'Finding interactive sessions') });
    if (!r) return null;
    return { summary: { sessions: r.sessions, attempts: r.attempts, suspicious: r.suspicious }, result: r };
  } finally {
    db.close();
  }
});
