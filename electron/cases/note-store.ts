import type { Note, Target, TargetKind } from '../../shared/domain/bookmarks';
import { ApiError } from '../../shared/contract/errors';
import { audited } from './audit-log';
import type { CaseDb } from './case-db';
import { canonicalAddress, canonicalTarget } from './annotation-target';

interface NoteRow {
  id: number;
  kind: TargetKind;
  key: string;
  text: string;
  author: string;
  created_at: number;
  updated_at: number;
}

const toNote = (r: NoteRow): Note => ({ id: r.id, kind: r.kind, key: r.key, text: r.text, author: r.author, createdAt: r.created_at, updatedAt: r.updated_at });

export function listNotes(db: CaseDb, target?: Target): Note[] {
  const rows = target
    ? db.prepare('SELECT * FROM notes WHERE removed_at IS NULL AND kind = ? AND key = ? ORDER BY created_at, id').all(target.kind, canonicalKey(target))
    : db.prepare('SELECT * FROM notes WHERE removed_at IS NULL ORDER BY created_at, id').all();
  return (rows as NoteRow[]).map(toNote);
}

// Listing needs no existence check (a purged flow's notes are simply gone); a host key is still normalised.
function canonicalKey(t: Target): string {
  if (t.kind === 'flow') return String(Number(t.key));
  return t.kind === 'host' ? (canonicalAddress(t.key.trim()) ?? t.key) : t.key;
}

function noteRow(db: CaseDb, id: number): NoteRow {
  const r = db.prepare('SELECT * FROM notes WHERE id = ? AND removed_at IS NULL').get(id) as NoteRow | undefined;
  if (!r) throw new ApiError('not_found', `no note ${id}`);
  return r;
}

/** Adds a note to a target. Audited as `note.add`, with its text. */
export function addNote(db: CaseDb, target: Target, text: string, user: string): Note {
  const t = canonicalTarget(db, target);
  const id = audited(
    db,
    (noteId: number) => ({ user, action: 'note.add', params: { id: noteId, kind: t.kind, key: t.key, text } }),
    () => {
      const now = Date.now() / 1000;
      return Number(db.prepare('INSERT INTO notes (kind, key, text, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(t.kind, t.key, text, user, now, now).lastInsertRowid);
    },
  );
  return toNote(noteRow(db, id));
}

/** Edits a note in place; the audit entry keeps the old text, so nothing is lost. */
export function updateNote(db: CaseDb, id: number, text: string, user: string): Note {
  const before = noteRow(db, id);
  if (before.text === text) return toNote(before);
  audited(db, { user, action: 'note.update', params: { id, kind: before.kind, key: before.key, from: before.text, to: text } }, () =>
    db.prepare('UPDATE notes SET text = ?, updated_at = ? WHERE id = ?').run(text, Date.now() / 1000, id),
  );
  return toNote(noteRow(db, id));
}

/** Removes a note (soft: marked removed). Audited as `note.remove`, with its text. */
export function removeNote(db: CaseDb, id: number, user: string): boolean {
  const before = db.prepare('SELECT * FROM notes WHERE id = ? AND removed_at IS NULL').get(id) as NoteRow | undefined;
  if (!before) return false;
  audited(db, { user, action: 'note.remove', params: { id, kind: before.kind, key: before.key, text: before.text } }, () => db.prepare('UPDATE notes SET removed_at = ? WHERE id = ?').run(Date.now() / 1000, id));
  return true;
}
