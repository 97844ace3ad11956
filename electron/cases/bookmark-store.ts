import type { Bookmark, BookmarkTag, Target, TargetKind } from '../../shared/domain/bookmarks';
import { audited } from './audit-log';
import type { CaseDb } from './case-db';
import { canonicalTarget, targetLabel } from './annotation-target';

interface BookmarkRow {
  id: number;
  kind: TargetKind;
  key: string;
  tag: BookmarkTag;
  author: string;
  created_at: number;
  notes: number;
}

const SELECT = `SELECT b.*, (SELECT count(*) FROM notes n WHERE n.kind = b.kind AND n.key = b.key AND n.removed_at IS NULL) AS notes FROM bookmarks b WHERE b.removed_at IS NULL`;

function toBookmark(db: CaseDb, r: BookmarkRow): Bookmark {
  return { id: r.id, kind: r.kind, key: r.key, tag: r.tag, author: r.author, createdAt: r.created_at, label: targetLabel(db, r), notes: r.notes };
}

export function listBookmarks(db: CaseDb, kind?: TargetKind): Bookmark[] {
  const rows = (kind ? db.prepare(`${SELECT} AND b.kind = ? ORDER BY b.created_at DESC, b.id DESC`).all(kind) : db.prepare(`${SELECT} ORDER BY b.created_at DESC, b.id DESC`).all()) as BookmarkRow[];
  return rows.map((r) => toBookmark(db, r));
}

function current(db: CaseDb, t: Target): BookmarkRow | undefined {
  return db.prepare(`${SELECT} AND b.kind = ? AND b.key = ?`).get(t.kind, t.key) as BookmarkRow | undefined;
}

/** Tags a target; a different earlier tag is kept as history (removed) and replaced. Audited as `bookmark.set`. */
export function setBookmark(db: CaseDb, target: Target, tag: BookmarkTag, user: string): Bookmark {
  const t = canonicalTarget(db, target);
  const before = current(db, t);
  if (before?.tag === tag) return toBookmark(db, before);
  audited(db, { user, action: 'bookmark.set', params: { kind: t.kind, key: t.key, tag, previous: before?.tag ?? null } }, () => {
    const now = Date.now() / 1000;
    if (before) db.prepare('UPDATE bookmarks SET removed_at = ? WHERE id = ?').run(now, before.id);
    db.prepare('INSERT INTO bookmarks (kind, key, tag, author, created_at) VALUES (?, ?, ?, ?, ?)').run(t.kind, t.key, tag, user, now);
  });
  return toBookmark(db, current(db, t)!);
}

/** Takes a bookmark down (soft: the row stays, marked removed). Audited as `bookmark.remove`. */
export function removeBookmark(db: CaseDb, target: Target, user: string): boolean {
  const t = target.kind === 'flow' ? { kind: 'flow' as const, key: String(Number(target.key)) } : target.kind === 'host' ? canonicalTarget(db, target) : target;
  const before = current(db, t);
  if (!before) return false;
  audited(db, { user, action: 'bookmark.remove', params: { kind: t.kind, key: t.key, tag: before.tag } }, () => db.prepare('UPDATE bookmarks SET removed_at = ? WHERE id = ?').run(Date.now() / 1000, before.id));
  return true;
}
