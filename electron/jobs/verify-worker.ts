import { basename } from 'node:path';
import type { EvidenceCheck } from '../../shared/domain/evidence';
import type { EvidenceVerdict } from '../cases/evidence-guard';
import { checkEvidenceFile, type EvidenceFacts } from '../cases/evidence-integrity';
import { runJob } from './job-worker';

export interface VerifyJobInput {
  casePath: string;
  evidence: EvidenceFacts[];
}

export interface VerifyJobResult {
  casePath: string;
  checks: EvidenceCheck[];
  /** For the readers: files found unchanged (or changed) with the stamp they had when hashed. */
  verdicts: EvidenceVerdict[];
}

// Hashing every evidence file again takes as long as reading them: a job, with progress and cancel.
runJob<VerifyJobInput>(async (ctx) => {
  const { evidence, casePath } = ctx.input;
  const total = evidence.reduce((n, e) => n + e.size, 0);
  let done = 0;
  let last = 0;
  const checks: EvidenceCheck[] = [];
  const verdicts: EvidenceVerdict[] = [];
  for (const e of evidence) {
    if (ctx.cancelled()) return null;
    ctx.progress(done, total, `Verifying ${basename(e.path)}`, { files: checks.length });
    const { stamp, ...check } = checkEvidenceFile(e, (n) => {
      done += n;
      if (done - last >= 64 << 20) {
        last = done;
        ctx.progress(done, total, `Verifying ${basename(e.path)}`, { files: checks.length });
      }
    });
    checks.push(check);
    if (stamp && (check.state === 'ok' || check.state === 'changed')) verdicts.push({ evidenceId: e.id, ok: check.state === 'ok', stamp, detail: check.detail });
  }
  ctx.progress(total, total, 'Verified', { files: checks.length });
  const bad = checks.filter((c) => c.state === 'changed' || c.state === 'missing').length;
  return { summary: { files: checks.length, changed: bad }, result: { casePath, checks, verdicts } satisfies VerifyJobResult };
});
