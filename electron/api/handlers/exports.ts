import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import type { ExportJobInput } from '../../jobs/export-worker';
import { toSelection } from '../flow-scope';
import type { HandlerGroup } from '../handler';

export const exportHandlers: HandlerGroup<'export.start'> = {
  'export.start': ({ scope, format, path }, s) => {
    const c = s.requireCase();
    let out: string;
    if (path !== undefined) {
      // The renderer may only write where the user pointed the native save dialog.
      if (!s.paths.wasChosen(path)) throw new ApiError('forbidden', `${path} was not chosen in a save dialog`);
      out = s.paths.admit(path, 'where to export');
      if (c.readOnly && s.inCaseFolder(out)) throw new ApiError('read_only', `${out}: the case is open read-only, so nothing is written to its folder`);
    } else {
      // Serve mode: written beside the case (or, read-only, in a temporary folder), then downloaded.
      const dir = c.readOnly ? mkdtempSync(join(tmpdir(), 'flowsight-export-')) : join(dirname(c.path), `${basename(c.path, '.flowsight')}.exports`);
      mkdirSync(dir, { recursive: true });
      const [what, ext] = format.startsWith('dataset-') ? ['dataset', format.slice('dataset-'.length)] : ['flows', format];
      out = join(dir, `${what}-${new Date().toISOString().replace(/[:.]/g, '-')}.${ext}`);
    }
    const input: ExportJobInput = { casePath: c.path, immutable: c.readOnly, selection: toSelection(scope, c.db), format, out, verdicts: c.verdicts, nativeBinding: s.opts.nativeBinding };
    const { jobId } = s.jobs.start('export', 'export-worker', input);
    if (path !== undefined) return { jobId, download: null };
    s.downloads.set(jobId, { path: out, name: basename(out) });
    return { jobId, download: `/download/${jobId}` };
  },
};
