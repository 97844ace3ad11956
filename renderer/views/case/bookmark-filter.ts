import type { BookmarkTag, TargetKind } from '../../../shared/domain/bookmarks';

/** The display filter that shows a bookmark list's flows: the flows' own tag, or a tag on either host. */
export function bookmarkFilter(kind: TargetKind, tag: BookmarkTag | null): string {
  const field = kind === 'host' ? 'host.bookmark' : 'bookmark';
  return tag === null ? field : `${field} == "${tag}"`;
}
