import type { FindingKind, Thresholds } from '../../shared/domain/findings';
import { runFindings } from '../analysis/findings/run-findings';
import { openCaseDb } from '../cases/case-db';
import { runJob } from './job-worker';

export interface FindingsJobInput {
  casePath: string;
  thresholds: Partial<Record<FindingKind, Thresholds>>;
  kinds?: FindingKind[];
  nativeBinding?: string;
}

// Reads flows and packets, then replaces the case's findings in one transaction (WAL: readers carry on).
runJob<FindingsJobInput>(async (ctx) => {
  const { casePath, thresholds, kinds, nativeBinding } = ctx.input;
  const db = openCaseDb(casePath, { nativeBinding });
  try {
    const r = await runFindings(db, { thresholds, kinds }, { cancelled: ctx.cancelled, progress: ctx.progress });
    if (!r) return null;
    return { summary: { findings: r.findings, flows: r.flows }, result: r };
  } finally {
    db.close();
  }
});
