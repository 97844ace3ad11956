import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PredictCsvResponse, RestError } from '../../../shared/contract/rest';
import { parseMappingText, type ColumnMapping } from '../../../shared/sessions/csv-columns';
import type { SessionImportResult } from '../../../shared/sessions/import';
import { resolveColumns } from '../../fingerprint/csv-session-rows';
import { previewSessionCsv } from '../../fingerprint/preview-session-csv';
import type { SessionImportJobInput } from '../../jobs/session-import-worker';
import { receiveUpload, UploadError } from './multipart-upload';
import type { RestReply, RestRequest } from './rest-types';

/**
 * POST /api/predict-csv (seed Test 4): a CSV upload in the multipart field
 * `file`, with the seed's columns (or `?map=LoginHour=hour,...`). The upload
 * is streamed to a temporary file, its header checked, then imported and
 * classified by the same job the UI and CLI run; rejected rows come back by
 * line and reason.
 */
export async function predictCsv({ req, url, session }: RestRequest): Promise<RestReply> {
  const c = session.requireWritableCase();
  let mapping: ColumnMapping = {};
  try {
    mapping = parseMappingText(url.searchParams.get('map') ?? '');
  } catch (err) {
    req.resume();
    return { status: 400, body: { error: `map: ${(err as Error).message}` } satisfies RestError };
  }
  const dir = mkdtempSync(join(tmpdir(), 'flowsight-upload-'));
  try {
    let upload;
    try {
      upload = await receiveUpload(req, 'file', dir);
    } catch (err) {
      if (err instanceof UploadError) return { status: err.status, body: { error: err.message } satisfies RestError };
      throw err;
    }
    if (!upload) return { status: 400, body: { error: 'no file: send the CSV as multipart/form-data in a field named "file"' } satisfies RestError };
    // Throws CsvFileError (400 with details) for an empty file, a wrong encoding or missing columns.
    const preview = await previewSessionCsv(upload.path, 1, upload.name);
    resolveColumns(upload.name, preview.headers, mapping);
    const input: SessionImportJobInput = { casePath: c.path, file: upload.path, name: upload.name, mapping, nativeBinding: session.opts.nativeBinding, user: session.user };
    const { jobId, done } = session.jobs.start('session-import', 'session-import-worker', input);
    const end = await done;
    if (end.status === 'cancelled') return { status: 409, body: { error: 'the import was cancelled; nothing was stored' } satisfies RestError };
    if (end.status === 'failed') return { status: 500, body: { error: end.error ?? 'the import failed' } satisfies RestError };
    const r = session.jobResults.get(jobId) as SessionImportResult;
    const body: PredictCsvResponse = {
      total_records: r.total,
      normal_users: r.normal,
      suspicious_users: r.suspicious,
      rejected_records: r.rejected,
      errors: r.errors,
      errors_truncated: r.errorsTruncated,
      import_id: r.importId,
      classifier: r.classifier,
    };
    return { status: 200, body };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
