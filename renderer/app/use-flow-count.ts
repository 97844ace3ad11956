import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { useCaseChanged, type CaseChangeReason } from '../api/use-case-changed';
import { scopeKey, toFlowScope, type AppliedScope } from './applied-scope';

/**
 * The number of flows in the applied scope. Counting a filtered big case can take
 * longer than the first page, so the table shows rows before this is known;
 * a count for an older scope is never returned for the current one. While a live
 * capture adds flows, the last count stays shown until the new one arrives.
 */
export function useFlowCount(scope: AppliedScope, onError: (err: unknown) => void): number | null {
  const key = scopeKey(scope);
  const [state, setState] = useState<{ key: string; count: number } | null>(null);
  const latest = useRef({ scope, seq: 0 });
  latest.current.scope = scope;

  const load = useCallback(async () => {
    const asked = latest.current.scope;
    const seq = ++latest.current.seq;
    try {
      const { count } = await api.invoke('flows.count', { scope: toFlowScope(asked) });
      if (seq === latest.current.seq) setState({ key: scopeKey(asked), count });
    } catch (err) {
      if (seq === latest.current.seq) onError(err);
    }
  }, [onError]);

  useEffect(() => {
    void load();
    // scope is identified by its key.
  }, [key, load]);
  useCaseChanged((reason: CaseChangeReason) => {
    if (reason !== 'live') setState(null);
    return load();
  });

  return state?.key === key ? state.count : null;
}
