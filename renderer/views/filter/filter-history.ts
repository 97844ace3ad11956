import { useCallback } from 'react';
import { isStringArray, useStoredState } from '../../storage/stored-state';

const MAX_RECENT = 25;

/** Filters applied in this case, most recent first, kept per case file. */
export function useFilterHistory(casePath: string): [string[], (filter: string) => void] {
  const [recent, setRecent] = useStoredState<string[]>(`flowsight.filter-history:${casePath}`, [], isStringArray);
  const remember = useCallback((filter: string) => setRecent((r) => [filter, ...r.filter((f) => f !== filter)].slice(0, MAX_RECENT)), [setRecent]);
  return [recent, remember];
}

export interface SavedFilter {
  name: string;
  expression: string;
}

const isSavedFilters = (v: unknown): v is SavedFilter[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'object' && s !== null && typeof (s as SavedFilter).name === 'string' && typeof (s as SavedFilter).expression === 'string');

/** Named filters, shared by every case (like Wireshark's filter buttons). Saving a name again replaces it. */
export function useSavedFilters(): { saved: SavedFilter[]; save: (f: SavedFilter) => void; remove: (name: string) => void } {
  const [saved, setSaved] = useStoredState<SavedFilter[]>('flowsight.saved-filters', [], isSavedFilters);
  const save = useCallback((f: SavedFilter) => setSaved((s) => [...s.filter((x) => x.name !== f.name), f].sort((a, b) => a.name.localeCompare(b.name))), [setSaved]);
  const remove = useCallback((name: string) => setSaved((s) => s.filter((x) => x.name !== name)), [setSaved]);
  return { saved, save, remove };
}
