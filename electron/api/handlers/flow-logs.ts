import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import { chooseMapper } from '../../flowlog/flow-log-import';
import { headLines, previewLog, sniffLayout } from '../../flowlog/log-layout';
import type { FlowImportJobInput } from '../../jobs/flow-import-worker';
import type { HandlerGroup } from '../handler';

function regularFile(path: string): string {
  const p = resolve(path);
  let isFile = false;
  try {
    isFile = statSync(p).isFile();
  } catch {
    throw new ApiError('not_found', `${p}: no such file`);
  }
  if (!isFile) throw new ApiError('bad_input', `${p}: not a regular file`);
  return p;
}

export const flowLogHandlers: HandlerGroup<'flowlog.preview' | 'flowlog.import'> = {
  'flowlog.preview': ({ path }, s) => {
    s.requireCase();
    return previewLog(regularFile(path));
  },
  'flowlog.import': ({ path, preset, mapping }, s) => {
    const c = s.requireCase();
    if (c.readOnly) throw new ApiError('forbidden', 'the case is open read-only');
    if (s.jobs.running('ingest').length || s.jobs.running('flow-import').length) throw new ApiError('conflict', 'an import is already running on this case');
    const file = regularFile(path);
    // Refuse a file no preset or mapping can read before starting a job for it.
    chooseMapper(sniffLayout(headLines(file)), { preset, mapping });
    const input: FlowImportJobInput = { casePath: c.path, path: file, preset, mapping, nativeBinding: s.opts.nativeBinding };
    return { jobId: s.jobs.start('flow-import', 'flow-import-worker', input).jobId };
  },
};
