import { ApiError } from '../../../shared/contract/errors';
import type { SessionImportResult } from '../../../shared/sessions/import';
import { activeClassifierId, chooseClassifier, listSessionModels } from '../../cases/session-model-store';
import { predictionPage, sessionAnalytics } from '../../cases/session-queries';
import { classifierById } from '../../fingerprint/active-classifier';
import { resolveColumns } from '../../fingerprint/csv-session-rows';
import { previewSessionCsv } from '../../fingerprint/preview-session-csv';
import { recordSession } from '../../fingerprint/record-session';
import type { SessionImportJobInput } from '../../jobs/session-import-worker';
import type { SessionDeriveJobInput } from '../../jobs/session-derive-worker';
import type { SessionTrainJobInput } from '../../jobs/session-train-worker';
import type { HandlerGroup } from '../handler';
import { regularFile } from '../regular-file';

type Names =
  | 'sessions.scan'
  | 'sessions.csvPreview'
  | 'sessions.import'
  | 'sessions.importResult'
  | 'sessions.predictions'
  | 'sessions.analytics'
  | 'sessions.classifier'
  | 'sessions.setClassifier'
  | 'sessions.train'
  | 'sessions.derive';



export const sessionHandlers: HandlerGroup<Names> = {
  'sessions.scan': (input, s) => {
    const p = recordSession(s.requireWritableCase().db, { ...input, source: 'scan' }, undefined, s.user);
    s.emit('case.changed', { reason: 'sessions' });
    return p;
  },
  'sessions.csvPreview': ({ path }) => previewSessionCsv(regularFile(path)),
  'sessions.import': async ({ path, mapping }, s) => {
    const c = s.requireWritableCase();
    const file = regularFile(path);
    // The header is checked here so a missing column is reported at once, with the file's columns.
    const preview = await previewSessionCsv(file);
    resolveColumns(file, preview.headers, mapping);
    const input: SessionImportJobInput = { casePath: c.path, file, mapping, nativeBinding: s.opts.nativeBinding, user: s.user };
    return { jobId: s.jobs.start('session-import', 'session-import-worker', input).jobId };
  },
  'sessions.importResult': ({ jobId }, s) => {
    const r = s.jobResults.get(jobId) as SessionImportResult | undefined;
    if (!r || !('importId' in r)) throw new ApiError('not_found', `no finished session import ${jobId}`);
    return r;
  },
  'sessions.predictions': (input, s) => predictionPage(s.requireCase().db, input),
  'sessions.analytics': ({ interval }, s) => sessionAnalytics(s.requireCase().db, interval),
  'sessions.classifier': (_input, s) => {
    const db = s.requireCase().db;
    return { active: activeClassifierId(db), models: listSessionModels(db) };
  },
  'sessions.setClassifier': ({ active }, s) => {
    const db = s.requireWritableCase().db;
    classifierById(db, active);
    chooseClassifier(db, active, s.user);
    s.emit('case.changed', { reason: 'sessions' });
    return { active, models: listSessionModels(db) };
  },
  'sessions.train': (options, s) => {
    const c = s.requireWritableCase();
    if (s.jobs.running('session-train').length > 0) throw new ApiError('conflict', 'a session model is already training on this case');
    const input: SessionTrainJobInput = { casePath: c.path, options, nativeBinding: s.opts.nativeBinding, user: s.user };
    return { jobId: s.jobs.start('session-train', 'session-train-worker', input).jobId };
  },
  'sessions.derive': (_input, s) => {
    const c = s.requireWritableCase();
    if (s.jobs.running('session-derive').length > 0) throw new ApiError('conflict', 'sessions are already being derived from this case');
    const input: SessionDeriveJobInput = { casePath: c.path, nativeBinding: s.opts.nativeBinding, user: s.user };
    return { jobId: s.jobs.start('session-derive', 'session-derive-worker', input).jobId };
  },
};
