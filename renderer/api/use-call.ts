import { useCallback, useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { api } from './client';
import { useEvent } from './use-event';

export interface CallState<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Calls again with the same input (after a job that changed what it reads). */
  reload: () => void;
}

/**
 * Calls `call` with `input` (or nothing while input is null) and again when the
 * input changes or the case's content changes. Answers to an older input are
 * dropped, so a slow query never overwrites a newer one.
 */
export function useCall<C extends CallName>(call: C, input: CallInput<C> | null): CallState<CallOutput<C>> {
  const [state, setState] = useState<Omit<CallState<CallOutput<C>>, 'reload'> & { key: string }>({ data: null, error: null, loading: input !== null, key: '' });
  const [version, setVersion] = useState(0);
  const key = input === null ? '' : JSON.stringify(input);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  useEvent('case.changed', bump);

  useEffect(() => {
    if (input === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null, key }));
    api.invoke(call, input).then(
      (data) => live && setState({ data, error: null, loading: false, key }),
      (error: unknown) => live && setState({ data: null, error, loading: false, key }),
    );
    return () => {
      live = false;
    };
    // The input is compared by its JSON (key), not by identity.
  }, [call, key, version]);

  return { data: state.data, error: state.error, loading: state.loading, reload: bump };
}
