import { ApiError } from '../../../shared/contract/errors';
import { chooseMapper } from '../../flowlog/flow-log-import';
import { headLines, previewLog, sniffLayout } from '../../flowlog/log-layout';
import type { FlowImportJobInput } from '../../jobs/flow-import-worker';
import type { HandlerGroup } from '../handler';
import { regularFile } from '../regular-file';


export const flowLogHandlers: HandlerGroup<'flowlog.preview' | 'flowlog.import'> = {
  'flowlog.preview': ({ path }, s) => {
    s.requireCase();
    return previewLog(regularFile(path));
  },
  'flowlog.import': ({ path, preset, mapping }, s) => {
    const c = s.requireWritableCase();
    if (s.jobs.running('ingest').length || s.jobs.running('flow-import').length) throw new ApiError('conflict', 'an import is already running on this case');
    const file = regularFile(path);
    // Refuse a file no preset or mapping can read before starting a job for it.
    chooseMapper(sniffLayout(headLines(file)), { preset, mapping });
    const input: FlowImportJobInput = { casePath: c.path, path: file, preset, mapping, nativeBinding: s.opts.nativeBinding };
    return { jobId: s.jobs.start('flow-import', 'flow-import-worker', input).jobId };
  },
};
