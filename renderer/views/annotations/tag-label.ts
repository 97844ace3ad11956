import { BookmarkTag } from '../../../shared/domain/bookmarks';

export const TAGS = BookmarkTag.options;

export const tagLabel = (t: BookmarkTag): string => t[0].toUpperCase() + t.slice(1);

/** The weightiest of several tags (the tag set is in rising order of weight), or null when none is set. */
export function weightiestTag(tags: readonly (BookmarkTag | undefined)[]): BookmarkTag | null {
  let best: BookmarkTag | null = null;
  for (const t of tags) if (t !== undefined && (best === null || TAGS.indexOf(t) > TAGS.indexOf(best))) best = t;
  return best;
}
