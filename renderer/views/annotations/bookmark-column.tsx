import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { BookmarkTag } from '../../../shared/domain/bookmarks';
import { BookmarkToggle } from './BookmarkToggle';
import { TAGS } from './tag-label';
import type { Bookmarks } from './use-bookmarks';

/** What a grid with a bookmark column hands its cells through AG Grid's `context`. */
export interface BookmarkContext {
  what: string;
  readOnly: boolean;
  bookmarks: Bookmarks;
}

/** A grid row with the tag of its bookmark (or of its targets' weightiest one). */
export type Bookmarked<T> = T & { bookmark: BookmarkTag | null };

// Grids are typed by their plain rows (the views' column lists are); the rows they get also carry the tag.
const rowTag = (row: object): BookmarkTag | null => ('bookmark' in row ? (row.bookmark as BookmarkTag | null) : null);

/** The clicks a row's own click handler must leave alone: they belong to the bookmark toggle or the notes button. */
export const inAnnotationCell = (target: EventTarget | null | undefined): boolean => target instanceof Element && target.closest('.bookmark-cell, .notes-cell') !== null;

/**
 * The bookmark column of a Hosts or Findings grid: the row's tag and the
 * toggle that sets it (the tag alone when the case is read-only). `keys` names
 * the row's targets; a row without any (the whole case) has no toggle.
 */
export function bookmarkColumn<T extends object>(keys: (row: T) => readonly string[]): ColDef<T> {
  return {
    colId: 'bookmark',
    headerName: '★',
    headerTooltip: 'Bookmark tag: interesting, suspicious, malicious or evidence',
    width: 118,
    pinned: 'left',
    cellClass: 'bookmark-cell',
    valueGetter: (p) => (p.data ? rowTag(p.data) : null),
    comparator: (a: BookmarkTag | null, b: BookmarkTag | null) => (a === null ? -1 : TAGS.indexOf(a)) - (b === null ? -1 : TAGS.indexOf(b)),
    cellRenderer: (p: ICellRendererParams<T, BookmarkTag | null, BookmarkContext>) => {
      const row = p.data;
      if (!row) return null;
      const targets = keys(row);
      if (targets.length === 0) return null;
      const { what, readOnly, bookmarks } = p.context;
      const tag = rowTag(row);
      if (readOnly) return <BookmarkToggle what={what} tag={tag} />;
      return <BookmarkToggle what={what} tag={tag} onSet={(t) => bookmarks.set(targets, t)} onRemove={() => bookmarks.remove(targets)} />;
    },
  };
}
