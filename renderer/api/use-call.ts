import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { api } from './client';
import { useCaseChanged } from './use-case-changed';

export interface CallState<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
}

/**
 * Calls `call` with `input` (or nothing while input is null) and again when the
 * input changes or the case's content changes. Answers to an older request are
 * dropped, so a slow query never overwrites a newer one; while a new answer is
 * on its way the last one stays shown (a live capture refreshes in place).
 */
export function useCall<C extends CallName>(call: C, input: CallInput<C> | null): CallState<CallOutput<C>> & { reload: () => void } {
  const [state, setState] = useState<CallState<CallOutput<C>>>({ data: null, error: null, loading: input !== null });
  const key = input === null ? '' : JSON.stringify(input);
  const latest = useRef({ input, seq: 0 });
  latest.current.input = input;

  const load = useCallback(async () => {
    const asked = latest.current.input;
    if (asked === null) return;
    const seq = ++latest.current.seq;
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const data = await api.invoke(call, asked);
      if (seq === latest.current.seq) setState({ data, error: null, loading: false });
    } catch (error) {
      if (seq === latest.current.seq) setState({ data: null, error, loading: false });
    }
  }, [call]);

  useEffect(() => {
    void load();
    const l = latest.current;
    return () => {
      // Whatever is on its way now answers an input this component no longer shows.
      l.seq++;
    };
    // The input is compared by its JSON (key), not by identity.
  }, [load, key]);
  useCaseChanged(load);
  // Calls again with the same input, after a job that changed what it reads (profiles computed).
  const reload = useCallback(() => void load(), [load]);

  return { ...state, reload };
}
