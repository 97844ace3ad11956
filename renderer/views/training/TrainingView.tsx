import { useCallback, useEffect, useState } from 'react';
import type { JobFinished, JobProgress } from '../../../shared/domain/job';
import { ApiError } from '../../../shared/contract/errors';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useWritable } from '../../api/read-only';
import { useCall } from '../../api/use-call';
import { useEvent } from '../../api/use-event';
import { ModelList } from './ModelList';
import { LabelNext } from './LabelNext';
import { ModelReport } from './ModelReport';
import { TrainForm, type TrainRequest } from './TrainForm';

interface Props {
  /** The applied display filter: training uses the labelled flows it matches. */
  filter: string;
  onError: (msg: string | null) => void;
  /** Applies a filter and opens the flow table (to label what "label next" lists). */
  onShowFlows: (filter: string) => void;
}

/** Train classifiers on labelled flows, read their honest evaluations, apply, export or import them. */
export default function TrainingView({ filter, onError, onShowFlows }: Props) {
  const models = useCall('models.list', {});
  const [selected, setSelected] = useState<number | null>(null);
  const [running, setRunning] = useState<{ jobId: string; progress: JobProgress | null } | null>(null);
  const [applying, setApplying] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [askPath, setAskPath] = useState<string | null>(null);
  const importing = useWritable('models.import', 'import a model');
  const detail = useCall('models.get', selected === null ? null : { id: selected });

  // With nothing chosen, show the newest model.
  useEffect(() => {
    if (models.data && (selected === null || !models.data.some((m) => m.id === selected))) setSelected(models.data[0]?.id ?? null);
  }, [models.data, selected]);

  useEvent(
    'job.progress',
    useCallback((p: JobProgress) => {
      if (p.kind === 'train') setRunning({ jobId: p.jobId, progress: p });
    }, []),
  );
  useEvent(
    'job.finished',
    useCallback((f: JobFinished) => {
      if (f.kind === 'predict') setApplying(false);
      if (f.kind === 'predict' && f.status === 'done') setOutcome(`Predictions written for ${f.summary.flows.toLocaleString('en-US')} flows: filter the flow table on prediction and confidence.`);
      if (f.kind !== 'train') return;
      setRunning(null);
      if (f.status === 'done') {
        setSelected(f.summary.model);
        setOutcome(null);
      } else setOutcome(f.status === 'cancelled' ? 'Training cancelled; no model was stored.' : `Training failed: ${f.error ?? 'unknown error'}`);
    }, []),
  );

  const train = (r: TrainRequest) => {
    setOutcome(null);
    api.invoke('models.train', { ...r, filter }).then(
      ({ jobId }) => setRunning((cur) => cur ?? { jobId, progress: null }),
      (e: unknown) => onError(errorText(e)),
    );
  };
  const apply = (id: number) => {
    setApplying(true);
    api.invoke('models.apply', { id }).catch((e: unknown) => {
      setApplying(false);
      onError(errorText(e));
    });
  };
  const exportModel = (id: number) => {
    api.invoke('models.export', { id }).then(({ fileName, content }) => {
      const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }, (e: unknown) => onError(errorText(e)));
  };
  const remove = (id: number) => {
    api.invoke('models.delete', { id }).then(() => setSelected(null), (e: unknown) => onError(errorText(e)));
  };
  const importPath = async (path: string) => {
    try {
      setSelected((await api.invoke('models.import', { path })).id);
      setAskPath(null);
    } catch (e) {
      onError(errorText(e));
    }
  };
  const importModel = async () => {
    try {
      const { paths } = await api.invoke('ui.chooseFiles', { purpose: 'model-import' });
      if (paths[0]) await importPath(paths[0]);
    } catch (e) {
      // Serve mode has no native chooser: ask for the path.
      if (e instanceof ApiError && e.code === 'unsupported') setAskPath('');
      else onError(errorText(e));
    }
  };

  return (
    <div className="training-view" data-testid="training">
      <div className="training-side">
        <TrainForm filter={filter} running={running} onTrain={train} />
        {outcome && (
          <div className="train-outcome" data-testid="train-outcome">
            {outcome}
          </div>
        )}
        <ModelList models={models.data} selected={selected} onSelect={setSelected} />
        {models.data?.some((m) => m.applied) && <LabelNext onShow={onShowFlows} />}
        {askPath === null ? (
          <button onClick={() => void importModel()} disabled={importing.disabled} title={importing.why} data-testid="model-import">
            Import a model file…
          </button>
        ) : (
          <form
            className="import-path"
            onSubmit={(e) => {
              e.preventDefault();
              if (askPath.trim()) void importPath(askPath.trim());
            }}
          >
            <input autoFocus placeholder="/path/to/model.json" value={askPath} onChange={(e) => setAskPath(e.target.value)} data-testid="model-import-path" />
            <button type="submit">Import</button>
            <button type="button" onClick={() => setAskPath(null)}>
              Cancel
            </button>
          </form>
        )}
      </div>
      <div className="training-main">
        {detail.data ? (
          <ModelReport key={detail.data.id} model={detail.data} busy={applying} onApply={() => apply(detail.data!.id)} onExport={() => exportModel(detail.data!.id)} onDelete={() => remove(detail.data!.id)} />
        ) : (
          <div className="pane-note centered">{models.data?.length === 0 ? 'Label flows (e.g. by filter), then train a classifier on them.' : ''}</div>
        )}
      </div>
    </div>
  );
}
