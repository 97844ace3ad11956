import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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
      out = resolve(path);
      if (!s.chosenPaths.has(out)) throw new ApiError('forbidden', `${out} was not chosen in a save dialog`);
    } else {
      // Serve mode: written beside the case, then downloaded.
      const dir = join(dirname(c.path), `${basename(c.path, '.flowsight')}.exports`);
      mkdirSync(dir, { recursive: true });
      const [what, ext] = format.startsWith('dataset-') ? ['dataset', format.slice('dataset-'.length)] : ['flows', format];
      out = join(dir, `${what}-${new Date().toISOString().replace(/[:.]/g, '-')}.${ext}`);
    }
    const input: ExportJobInput = { casePath: c.path, selection: toSelection(scope, s.requireCase().db), format, out, nativeBinding: s.opts.nativeBinding };
    const { jobId } = s.jobs.start('export', 'export-worker', input);
    if (path !== undefined) return { jobId, download: null };
    s.downloads.set(jobId, { path: out, name: basename(out) });
    return { jobId, download: `/download/${jobId}` };
  },
};
