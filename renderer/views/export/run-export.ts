import type { CallInput } from '../../../shared/contract/calls';
import { ApiError } from '../../../shared/contract/errors';
import type { FlowScope } from '../../../shared/domain/flow-query';
import { api } from '../../api/client';
import { jobWaiter } from '../../api/job-waiter';
import { transport } from '../../api/transport';
import { downloadFile } from './download-file';

export type ExportFormat = CallInput<'export.start'>['format'];

export const exportFormats: { format: ExportFormat; label: string; what: string }[] = [
  { format: 'csv', label: 'CSV', what: 'flow records, the CLI\'s columns' },
  { format: 'jsonl', label: 'JSONL', what: 'flow records, one JSON object a line' },
  { format: 'pcapng', label: 'pcapng', what: 'the flows\' packets, read back from the evidence' },
  { format: 'dataset-csv', label: 'Dataset CSV', what: 'the labelled ones: features (CICFlowMeter names) and App, Activity, Label' },
  { format: 'dataset-jsonl', label: 'Dataset JSONL', what: 'the labelled ones: features and label columns, a line each' },
];

/** Where the file should go: the native save dialog's path in Electron, undefined in serve mode (downloaded instead), null if the user cancelled. */
async function chooseTarget(format: ExportFormat): Promise<string | undefined | null> {
  if ((await transport()) === 'serve') return undefined;
  try {
    const { paths } = await api.invoke('ui.chooseFiles', { purpose: `export-${format}` });
    return paths.length ? paths[0] : null;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'unsupported') return undefined;
    throw err;
  }
}

/**
 * Exports a scope as a job. Electron writes where the user chose; serve mode
 * writes beside the case and the browser downloads the file once the job is
 * done. Resolves false when the user cancelled the dialog or the job.
 */
export async function runExport(scope: FlowScope, format: ExportFormat): Promise<boolean> {
  const path = await chooseTarget(format);
  if (path === null) return false;
  const waiter = jobWaiter();
  try {
    const { jobId, download } = await api.invoke('export.start', path === undefined ? { scope, format } : { scope, format, path });
    const finished = await waiter.wait(jobId);
    if (finished.status === 'cancelled') return false;
    if (finished.status !== 'done') throw new Error(`export failed${finished.error ? `: ${finished.error}` : ''}`);
    if (download) downloadFile(download);
    return true;
  } finally {
    waiter.dispose();
  }
}
