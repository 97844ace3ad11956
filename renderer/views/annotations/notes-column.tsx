import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { Bookmarked, BookmarkContext } from './bookmark-column';
import { NotesPopover } from './NotesPopover';

/** A grid row with its bookmark's tag and how many notes it has. */
export type Annotated<T> = Bookmarked<T> & { notes: number };

// As for the tag: the grid is typed by its plain rows, which also carry the count.
const rowNotes = (row: object): number => ('notes' in row && typeof row.notes === 'number' ? row.notes : 0);

/** The notes column of the Findings grid: the count, and the notes behind it. */
export function findingNotesColumn<T extends object>(key: (row: T) => string): ColDef<T> {
  return {
    colId: 'notes',
    headerName: '✎',
    headerTooltip: 'Notes on the finding',
    width: 64,
    pinned: 'left',
    cellClass: 'notes-cell',
    valueGetter: (p) => (p.data ? rowNotes(p.data) : 0),
    cellRenderer: (p: ICellRendererParams<T, number, BookmarkContext>) =>
      p.data ? <NotesPopover target={{ kind: 'finding', key: key(p.data) }} count={rowNotes(p.data)} readOnly={p.context.readOnly} /> : null,
  };
}
