import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import { listEvidence } from '../../cases/evidence-store';
import { sniffCaptureFile } from '../../capture/capture-file';
import type { IngestJobInput } from '../../jobs/ingest-worker';
import type { HandlerGroup } from '../handler';
import { labelAuthor } from '../../labels/label-author';

export const evidenceHandlers: HandlerGroup<'evidence.list' | 'ingest.start'> = {
  'evidence.list': (_input, s) => listEvidence(s.requireCase().db),
  'ingest.start': ({ files, filter, label }, s) => {
    const c = s.requireCase();
    if (c.readOnly) throw new ApiError('forbidden', 'the case is open read-only');
    if (s.jobs.running('ingest').length > 0) throw new ApiError('conflict', 'an ingest is already running on this case');
    const paths = files.map((f) => resolve(f));
    for (const p of paths) {
      let isFile = false;
      try {
        isFile = statSync(p).isFile();
      } catch {
        throw new ApiError('not_found', `${p}: no such file`);
      }
      if (!isFile) throw new ApiError('bad_input', `${p}: not a regular file`);
      sniffCaptureFile(p);
    }
    const input: IngestJobInput = {
      casePath: c.path,
      files: paths,
      importFilter: filter,
      label: label ? { name: label, author: labelAuthor() } : undefined,
      nativeBinding: s.opts.nativeBinding,
    };
    const { jobId } = s.jobs.start('ingest', 'ingest-worker', input);
    return { jobId };
  },
};
