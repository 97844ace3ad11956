import { useCallback, useMemo } from 'react';
import type { BookmarkTag, TargetKind } from '../../../shared/domain/bookmarks';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useCall } from '../../api/use-call';

export interface Bookmarks {
  /** Tag by target key; null until the list has loaded. */
  tags: ReadonlyMap<string, BookmarkTag> | null;
  set: (keys: readonly string[], tag: BookmarkTag) => void;
  remove: (keys: readonly string[]) => void;
}

/**
 * The bookmarks of one kind of target, and setting or taking them down. A
 * view's row may stand for several targets (a host with several addresses),
 * so both act on a list of keys. The list reloads on the case.changed event
 * the calls raise.
 */
export function useBookmarks(kind: TargetKind, onError: (msg: string | null) => void): Bookmarks {
  const list = useCall('bookmarks.list', { kind });
  const tags = useMemo(() => (list.data ? new Map(list.data.map((b) => [b.key, b.tag])) : null), [list.data]);
  const set = useCallback(
    (keys: readonly string[], tag: BookmarkTag) => {
      onError(null);
      (async () => {
        for (const key of keys) await api.invoke('bookmarks.set', { target: { kind, key }, tag });
      })().catch((err: unknown) => onError(errorText(err)));
    },
    [kind, onError],
  );
  const remove = useCallback(
    (keys: readonly string[]) => {
      onError(null);
      (async () => {
        for (const key of keys) await api.invoke('bookmarks.remove', { target: { kind, key } });
      })().catch((err: unknown) => onError(errorText(err)));
    },
    [kind, onError],
  );
  return { tags, set, remove };
}
