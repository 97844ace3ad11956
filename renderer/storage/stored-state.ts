import { useCallback, useEffect, useState } from 'react';

/**
 * Small UI preferences kept in localStorage as JSON. A value that fails `check`
 * (an older shape, or edited by hand) falls back to the default instead of
 * breaking the view.
 */
export function readStored<T>(key: string, fallback: T, check: (v: unknown) => v is T): T {
  try {
    const text = localStorage.getItem(key);
    if (text === null) return fallback;
    const value: unknown = JSON.parse(text);
    return check(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the preference lasts for this session only.
  }
}

/** useState backed by localStorage under `key`; re-reads when the key changes (e.g. another case). */
export function useStoredState<T>(key: string, fallback: T, check: (v: unknown) => v is T): [T, (next: T | ((prev: T) => T)) => void] {
  const [state, setState] = useState<{ key: string; value: T }>(() => ({ key, value: readStored(key, fallback, check) }));
  const value = state.key === key ? state.value : readStored(key, fallback, check);
  useEffect(() => {
    if (state.key !== key) setState({ key, value: readStored(key, fallback, check) });
    // fallback and check are constants at every call site: only the key matters.
  }, [key]);
  const set = useCallback(
    (next: T | ((prev: T) => T)) => {
      setState((s) => {
        const prev = s.key === key ? s.value : readStored(key, fallback, check);
        const v = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
        writeStored(key, v);
        return { key, value: v };
      });
    },
    [key],
  );
  return [value, set];
}

export const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isString = (v: unknown): v is string => typeof v === 'string';
