import { ApiError } from '../../../shared/contract/errors';
import type { LabelNextRow } from '../../../shared/domain/predictions';
import { appliedModel, deleteModel, findModel, listModels, loadModel, modelDetail, saveModel } from '../../cases/model-store';
import type { PredictJobInput } from '../../jobs/predict-worker';
import type { TrainJobInput } from '../../jobs/train-worker';
import { acceptPredictions, labelNext } from '../../learning/accept-predictions';
import { readModelFile } from '../../learning/model-file';
import { toSelection } from '../flow-scope';
import { regularFile } from '../regular-file';
import type { HandlerGroup } from '../handler';


export const modelHandlers: HandlerGroup<'models.train' | 'models.list' | 'models.get' | 'models.delete' | 'models.export' | 'models.import' | 'models.apply' | 'models.labelNext' | 'models.accept'> = {
  'models.train': (settings, s) => {
    const c = s.requireWritableCase();
    if (s.jobs.running('train').length > 0) throw new ApiError('conflict', 'a model is already being trained; wait for it or cancel it');
    // Fail on a bad filter now, not in the worker.
    toSelection({ filter: settings.filter }, c.db);
    const input: TrainJobInput = { casePath: c.path, settings, nativeBinding: s.opts.nativeBinding };
    return { jobId: s.jobs.start('train', 'train-worker', input).jobId };
  },
  'models.list': (_i, s) => listModels(s.requireCase().db),
  'models.get': ({ id }, s) => modelDetail(s.requireCase().db, id),
  'models.delete': ({ id }, s) => ({ deleted: deleteModel(s.requireWritableCase().db, id) }),
  'models.export': ({ id }, s) => {
    const m = loadModel(s.requireCase().db, id);
    const version = modelDetail(s.requireCase().db, id).version;
    return { fileName: `${m.name.replace(/[^\w.-]+/g, '_')}-v${version}.model.json`, content: JSON.stringify(m) };
  },
  'models.import': ({ path }, s) => {
    const c = s.requireWritableCase();
    const m = readModelFile(regularFile(path));
    const id = findModel(c.db, m) ?? saveModel(c.db, m, 'imported');
    s.emit('case.changed', { reason: 'models' });
    return listModels(c.db).find((x) => x.id === id)!;
  },
  'models.apply': ({ id }, s) => {
    const c = s.requireWritableCase();
    loadModel(c.db, id);
    if (s.jobs.running('predict').length > 0) throw new ApiError('conflict', 'a model is already being applied');
    const input: PredictJobInput = { casePath: c.path, model: { id }, write: true, nativeBinding: s.opts.nativeBinding, user: s.user };
    return { jobId: s.jobs.start('predict', 'predict-worker', input).jobId };
  },
  'models.labelNext': ({ limit }, s) => {
    const db = s.requireCase().db;
    return { modelId: appliedModel(db), flows: labelNext(db, limit) as LabelNextRow[] };
  },
  'models.accept': ({ scope, minConfidence, onlyUnlabelled }, s) => {
    const c = s.requireWritableCase();
    const { columns: _columns, ...selection } = toSelection(scope, c.db);
    const labelled = acceptPredictions(c.db, selection, { minConfidence, onlyUnlabelled });
    s.caseChanged();
    s.emit('case.changed', { reason: 'labels' });
    return { labelled };
  },
};
