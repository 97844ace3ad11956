import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/contract/calls';
import type { FindingKind, Thresholds } from '../../../shared/domain/findings';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { jobWaiter } from '../../api/job-waiter';
import { useEvent } from '../../api/use-event';

type List = CallOutput<'findings.list'>;

/** The stored findings, and a detection run that replaces them (a job; the list reloads when it ends). */
export function useFindings(onError: (msg: string | null) => void): { list: List | null; running: boolean; run: (thresholds: Partial<Record<FindingKind, Thresholds>>) => void } {
  const [list, setList] = useState<List | null>(null);
  const [running, setRunning] = useState(false);
  const load = useCallback(() => {
    api.invoke('findings.list', {}).then(setList, (e: unknown) => onError(errorText(e)));
  }, [onError]);
  useEffect(load, [load]);
  useEvent('case.changed', load);

  const run = useCallback(
    (thresholds: Partial<Record<FindingKind, Thresholds>>) => {
      setRunning(true);
      const waiter = jobWaiter();
      api
        .invoke('findings.start', { thresholds })
        .then(({ jobId }) => waiter.wait(jobId))
        .then((f) => {
          if (f.status === 'failed') onError(`Finding detection failed: ${f.error ?? 'unknown error'}`);
          load();
        })
        .catch((e: unknown) => onError(errorText(e)))
        .finally(() => {
          waiter.dispose();
          setRunning(false);
        });
    },
    [load, onError],
  );
  return { list, running, run };
}
