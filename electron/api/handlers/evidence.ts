import { ApiError } from '../../../shared/contract/errors';
import { sniffCaptureFile } from '../../capture/capture-file';
import { deleteEvidence, evidenceById, listEvidence, purgeEvidence, removeEvidence, restoreEvidence, resumePoint } from '../../cases/evidence-store';
import type { IngestJobInput } from '../../jobs/ingest-worker';
import type { HandlerGroup } from '../handler';
import { requireRegularFile } from '../path-policy';
import type { Session } from '../session';
import { labelAuthor } from '../../labels/label-author';

function ingestInput(s: Session, casePath: string, rest: Pick<IngestJobInput, 'files' | 'resume' | 'importFilter' | 'label'>): IngestJobInput {
  return { casePath, ...rest, user: s.user, recordOptions: { flowsight: s.opts.version }, nativeBinding: s.opts.nativeBinding };
}

function requireNoWriter(s: Session): void {
  if (s.jobs.running('ingest').length > 0 || s.capture.running) throw new ApiError('conflict', 'an import or a capture is already writing this case');
}

/** Evidence changed: views refetch. */
function changed(s: Session): void {
  s.caseChanged();
  s.emit('case.changed', { reason: 'evidence' });
}

export const evidenceHandlers: HandlerGroup<
  'evidence.list' | 'evidence.verify' | 'evidence.integrity' | 'evidence.remove' | 'evidence.restore' | 'evidence.purge' | 'ingest.start' | 'ingest.resume' | 'ingest.discard'
> = {
  'evidence.list': (_input, s) => listEvidence(s.requireCase().db),
  'evidence.verify': (_input, s) => {
    s.requireCase();
    return { jobId: s.verifyEvidence() };
  },
  'evidence.integrity': (_input, s) => s.requireCase().integrity,
  'evidence.remove': ({ evidenceId }, s) => {
    const c = s.requireWritableCase();
    removeEvidence(c.db, evidenceId, s.user);
    changed(s);
    return evidenceById(c.db, evidenceId);
  },
  'evidence.restore': ({ evidenceId }, s) => {
    const c = s.requireWritableCase();
    restoreEvidence(c.db, evidenceId, s.user);
    changed(s);
    return evidenceById(c.db, evidenceId);
  },
  'evidence.purge': ({ evidenceId }, s) => {
    const c = s.requireWritableCase();
    requireNoWriter(s);
    const flows = purgeEvidence(c.db, evidenceId, s.user);
    changed(s);
    return { flows };
  },
  'ingest.start': ({ files, filter, label }, s) => {
    const c = s.requireWritableCase();
    requireNoWriter(s);
    const paths = files.map((f) => s.paths.admit(f, 'a capture to import', (p) => s.inCaseFolder(p)));
    for (const p of paths) {
      requireRegularFile(p);
      sniffCaptureFile(p);
    }
    return { jobId: s.jobs.start('ingest', 'ingest-worker', ingestInput(s, c.path, { files: paths, importFilter: filter, label: label ? { name: label, author: labelAuthor() } : undefined })).jobId };
  },
  'ingest.resume': ({ evidenceId }, s) => {
    const c = s.requireWritableCase();
    requireNoWriter(s);
    const resume = resumePoint(c.db, evidenceId);
    return { jobId: s.jobs.start('ingest', 'ingest-worker', ingestInput(s, c.path, { files: [], resume })).jobId };
  },
  'ingest.discard': ({ evidenceId }, s) => {
    const c = s.requireWritableCase();
    requireNoWriter(s);
    const e = evidenceById(c.db, evidenceId);
    if (e.status !== 'interrupted') throw new ApiError('conflict', `evidence ${evidenceId} (${e.path}) is ${e.status}, not an interrupted import`);
    const before = (c.db.prepare('SELECT count(*) AS n FROM flows WHERE evidence_id = ?').get(evidenceId) as { n: number }).n;
    deleteEvidence(c.db, evidenceId, s.user, 'discard');
    changed(s);
    return { flows: before };
  },
};
