import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/contract/calls';
import type { AnomalyParamsInput, KCurve } from '../../../shared/domain/anomaly';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { jobWaiter } from '../../api/job-waiter';
import { useEvent } from '../../api/use-event';

type Results = CallOutput<'anomaly.results'>;

/** The latest detection run and k curves of the case, and the jobs that make new ones. */
export function useAnomalies(onError: (msg: string | null) => void) {
  const [results, setResults] = useState<Results | null>(null);
  const [curves, setCurves] = useState<KCurve | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    api.invoke('anomaly.results', { limit: 5000 }).then(setResults, (e: unknown) => onError(errorText(e)));
    api.invoke('anomaly.curves', {}).then(setCurves, (e: unknown) => onError(errorText(e)));
  }, [onError]);
  useEffect(load, [load]);
  useEvent('case.changed', load);

  const runJob = useCallback(
    (start: () => Promise<{ jobId: string }>, what: string) => {
      setBusy(true);
      const waiter = jobWaiter();
      start()
        .then(({ jobId }) => waiter.wait(jobId))
        .then((f) => {
          if (f.status === 'failed') onError(`${what} failed: ${f.error ?? 'unknown error'}`);
          load();
        })
        .catch((e: unknown) => onError(errorText(e)))
        .finally(() => {
          waiter.dispose();
          setBusy(false);
        });
    },
    [load, onError],
  );
  const train = useCallback((params: AnomalyParamsInput) => runJob(() => api.invoke('anomaly.train', params), 'Training'), [runJob]);
  const suggest = useCallback(
    (params: AnomalyParamsInput) => {
      const { features, window, scaling, transform, baseline, seed } = params;
      runJob(() => api.invoke('anomaly.suggestK', { features, window, scaling, transform, baseline, seed }), 'Choosing k');
    },
    [runJob],
  );
  return { results, curves, busy, train, suggest };
}
