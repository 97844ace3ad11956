import { useState } from 'react';
import type { BookmarkTag, Note, TargetKind } from '../../../shared/domain/bookmarks';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useCall } from '../../api/use-call';
import { formatTime } from '../../format/format-time';
import { NoteItem } from '../annotations/NoteItem';
import { TAGS, tagLabel } from '../annotations/tag-label';
import { bookmarkFilter } from './bookmark-filter';

/**
 * Bookmarked flows, hosts and findings with their tags and notes (each note
 * editable and removable here too). A tag (or the whole
 * list) filters the flow table through the display filter, so the table, the
 * statistics and exports all see the same flows.
 */
export function BookmarksPanel({ readOnly, onShowFlows, onError }: { readOnly: boolean; onShowFlows: (filter: string) => void; onError: (msg: string | null) => void }) {
  const bookmarks = useCall('bookmarks.list', {});
  const notes = useCall('notes.list', {});
  const [tag, setTag] = useState<BookmarkTag | null>(null);
  const shown = (bookmarks.data ?? []).filter((b) => tag === null || b.tag === tag);
  const notesOf = new Map<string, Note[]>();
  for (const n of notes.data ?? []) notesOf.set(`${n.kind}:${n.key}`, [...(notesOf.get(`${n.kind}:${n.key}`) ?? []), n]);
  const show = (kind: TargetKind) => onShowFlows(bookmarkFilter(kind, tag));
  const remove = async (kind: TargetKind, key: string) => {
    onError(null);
    try {
      await api.invoke('bookmarks.remove', { target: { kind, key } });
    } catch (err) {
      onError(errorText(err));
    }
  };
  return (
    <section className="case-panel" data-testid="case-bookmarks">
      <h2>
        Bookmarks
        <span className="tag-filter" role="group">
          <button className={tag === null ? 'active' : ''} onClick={() => setTag(null)} data-testid="bookmark-tag-all">
            All
          </button>
          {TAGS.map((t) => (
            <button key={t} className={`tag tag-${t}${tag === t ? ' active' : ''}`} onClick={() => setTag(t)} data-testid={`bookmark-tag-${t}`}>
              {tagLabel(t)}
            </button>
          ))}
        </span>
        <button onClick={() => show('flow')} data-testid="bookmark-show-flows">
          Show these flows
        </button>
        <button onClick={() => show('host')} data-testid="bookmark-show-hosts">
          Flows of these hosts
        </button>
      </h2>
      {shown.length === 0 ? (
        <div className="pane-note">No bookmarks{tag ? ` tagged ${tag}` : ''} yet: right-click a flow in the table, or use the ☆ of a host or finding, to bookmark it.</div>
      ) : (
        <table className="case-table">
          <thead>
            <tr>
              <th>Tag</th>
              <th>What</th>
              <th>Notes</th>
              <th>By</th>
              <th>When</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((b) => (
              <tr key={b.id} data-testid="bookmark-row">
                <td>
                  <span className={`tag tag-${b.tag}`}>{tagLabel(b.tag)}</span>
                </td>
                <td>
                  <span className="muted">{b.kind}</span> {b.label}
                </td>
                <td className="bookmark-notes">
                  {(notesOf.get(`${b.kind}:${b.key}`) ?? []).map((n) => (
                    <NoteItem key={n.id} note={n} readOnly={readOnly} compact />
                  ))}
                </td>
                <td>{b.author}</td>
                <td>{formatTime(b.createdAt).slice(0, 19)}</td>
                <td>
                  {!readOnly && (
                    <button className="icon-button" title="Remove the bookmark" onClick={() => void remove(b.kind, b.key)}>
                      ✕
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
