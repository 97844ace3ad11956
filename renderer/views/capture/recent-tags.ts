import { useCallback } from 'react';
import { isStringArray, useStoredState } from '../../storage/stored-state';

const KEEP = 8;

/** Activity tags used lately, most recent first, kept across sessions for the quick buttons. */
export function useRecentTags(): [string[], (tag: string) => void] {
  const [tags, setTags] = useStoredState<string[]>('flowsight.capture.recent-tags', [], isStringArray);
  const remember = useCallback((tag: string) => setTags((prev) => [tag, ...prev.filter((t) => t !== tag)].slice(0, KEEP)), [setTags]);
  return [tags, remember];
}
