import { useState } from 'react';
import type { Note } from '../../../shared/domain/bookmarks';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { formatTime } from '../../format/format-time';

type Mode = 'show' | 'edit' | 'confirm-remove';

// The notes sit low in a scrolled pane: the question or the box just opened must be in sight.
const reveal = (el: HTMLElement | null) => el?.scrollIntoView({ block: 'nearest' });

/**
 * One note: its text, who wrote it (and on which target, when `on` names it), and (unless the case is read-only)
 * Edit, which turns it into a text box with Save and Cancel, and Remove,
 * which asks first. Both are audited where notes are stored, the edit with
 * the old text; the list holding the note reloads on the case.changed event.
 */
export function NoteItem({ note, readOnly, compact = false, on = null }: { note: Note; readOnly: boolean; compact?: boolean; on?: string | null }) {
  const [mode, setMode] = useState<Mode>('show');
  const [text, setText] = useState(note.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      setMode('show');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const save = () => run(() => api.invoke('notes.update', { id: note.id, text }));
  const edited = note.updatedAt > note.createdAt;
  return (
    <div className={`flow-note${compact ? ' compact' : ''}`} data-testid="flow-note" data-note-id={note.id}>
      {mode === 'edit' ? (
        <div className="note-edit" ref={reveal}>
          <textarea
            value={text}
            rows={Math.min(8, Math.max(2, text.split('\n').length))}
            maxLength={100_000}
            autoFocus
            title="Ctrl+Enter saves, Escape cancels"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && text.trim() !== '') void save();
              if (e.key === 'Escape') setMode('show');
            }}
            data-testid="note-edit-input"
          />
          <div className="note-actions">
            <button className="primary" disabled={busy || text.trim() === ''} onClick={() => void save()} data-testid="note-save">
              Save
            </button>
            <button disabled={busy} onClick={() => setMode('show')} data-testid="note-cancel">
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="flow-note-text">{note.text}</div>
      )}
      <div className="muted flow-note-by">
        <span>
          {on !== null && `on ${on} · `}
          {note.author} · {formatTime(note.updatedAt).slice(0, 19)}
          {edited ? ' (edited)' : ''}
        </span>
        {!readOnly && mode === 'show' && (
          <span className="note-actions">
            <button
              className="link-button"
              onClick={() => {
                setText(note.text);
                setMode('edit');
              }}
              data-testid="note-edit"
            >
              Edit
            </button>
            <button className="link-button" onClick={() => setMode('confirm-remove')} data-testid="note-remove">
              Remove
            </button>
          </span>
        )}
      </div>
      {mode === 'confirm-remove' && (
        <div className="note-confirm" role="alertdialog" ref={reveal} data-testid="note-remove-confirm">
          <span>Remove this note? The audit trail keeps its text.</span>
          <button className="danger" disabled={busy} onClick={() => void run(() => api.invoke('notes.remove', { id: note.id }))} data-testid="note-remove-yes">
            Remove
          </button>
          <button disabled={busy} onClick={() => setMode('show')} data-testid="note-remove-no">
            Keep
          </button>
        </div>
      )}
      {error && <div className="error-text">{error}</div>}
    </div>
  );
}
