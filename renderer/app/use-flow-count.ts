import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { useEvent } from '../api/use-event';
import { scopeKey, toFlowScope, type AppliedScope } from './applied-scope';

/**
 * The number of flows in the applied scope. Counting a filtered big case can take
 * longer than the first page, so the table shows rows before this is known;
 * a count for an older scope is never returned for the current one.
 */
export function useFlowCount(scope: AppliedScope, onError: (err: unknown) => void): number | null {
  const key = scopeKey(scope);
  const [state, setState] = useState<{ key: string; count: number } | null>(null);
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => {
    setState(null);
    setVersion((v) => v + 1);
  }, []);
  useEvent('case.changed', bump);

  useEffect(() => {
    let live = true;
    api.invoke('flows.count', { scope: toFlowScope(scope) }).then(
      ({ count }) => live && setState({ key, count }),
      (err: unknown) => live && onError(err),
    );
    return () => {
      live = false;
    };
    // scope is identified by its key.
  }, [key, version, onError]);

  return state?.key === key ? state.count : null;
}
