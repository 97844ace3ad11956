import { computeProfiles } from '../analysis/hosts/compute-profiles';
import { openCaseDb } from '../cases/case-db';
import { runJob } from './job-worker';

export interface ProfileJobInput {
  casePath: string;
  nativeBinding?: string;
  /** Who started the job, for the audit trail; default: the operating-system account. */
  user?: string;
}

// Reads the flows and writes the host tables on a connection of its own (WAL:
// the UI keeps reading); the new profiles replace the old in one transaction.
runJob<ProfileJobInput>(async (ctx) => {
  const db = openCaseDb(ctx.input.casePath, { nativeBinding: ctx.input.nativeBinding });
  try {
    const r = await computeProfiles(db, { user: ctx.input.user, shouldStop: ctx.cancelled, onProgress: (done, total, stage) => ctx.progress(done, total, stage) });
    if (!r) return null;
    return { summary: { hosts: r.hosts, flows: r.flows, interactive: r.interactive }, result: r };
  } finally {
    db.close();
  }
});
