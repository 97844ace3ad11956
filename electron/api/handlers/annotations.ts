import { listBookmarks, removeBookmark, setBookmark } from '../../cases/bookmark-store';
import { addNote, listNotes, removeNote, updateNote } from '../../cases/note-store';
import type { HandlerGroup } from '../handler';
import type { Session } from '../session';

/** Bookmarks and notes feed filters (`bookmark`, `note`): cached results must go. */
function changed<T>(s: Session, value: T): T {
  s.caseChanged();
  s.emit('case.changed', { reason: 'annotations' });
  return value;
}

export const annotationHandlers: HandlerGroup<'bookmarks.list' | 'bookmarks.set' | 'bookmarks.remove' | 'notes.list' | 'notes.add' | 'notes.update' | 'notes.remove'> = {
  'bookmarks.list': ({ kind }, s) => listBookmarks(s.requireCase().db, kind),
  'bookmarks.set': ({ target, tag }, s) => changed(s, setBookmark(s.requireWritableCase().db, target, tag, s.user)),
  'bookmarks.remove': ({ target }, s) => changed(s, { removed: removeBookmark(s.requireWritableCase().db, target, s.user) }),
  'notes.list': ({ target }, s) => listNotes(s.requireCase().db, target),
  'notes.add': ({ target, text }, s) => changed(s, addNote(s.requireWritableCase().db, target, text, s.user)),
  'notes.update': ({ id, text }, s) => changed(s, updateNote(s.requireWritableCase().db, id, text, s.user)),
  'notes.remove': ({ id }, s) => changed(s, { removed: removeNote(s.requireWritableCase().db, id, s.user) }),
};
