import { useState } from 'react';
import type { Target } from '../../../shared/domain/bookmarks';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useCall } from '../../api/use-call';
import { NoteItem } from './NoteItem';

interface Props {
  /** Whose notes are shown: one flow or finding, or each address of a host. */
  targets: readonly Target[];
  /** What the box adds a note to, and what it is called in the texts. */
  what: Target['kind'];
  readOnly: boolean;
  className?: string;
}

/**
 * The notes on a flow, a host or a finding, oldest first, each with Edit and Remove, and
 * a box to add one (none of these when the case is read-only). A host with
 * several addresses shows the notes on each, with the address, and adds to
 * its first. A note is audited where it is stored; the list reloads on the
 * case.changed event the calls raise.
 */
export function TargetNotes({ targets, what, readOnly, className = '' }: Props) {
  const one = targets.length === 1 ? targets[0] : null;
  const notes = useCall('notes.list', one ? { target: one } : {});
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const addTo = targets[0];
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.invoke('notes.add', { target: addTo, text });
      setText('');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const keys = new Set(targets.map((t) => `${t.kind}:${t.key}`));
  const list = (notes.data ?? []).filter((n) => keys.has(`${n.kind}:${n.key}`));
  return (
    <section className={`detail-section flow-notes ${className}`} data-testid={`${what}-notes`}>
      <h3>Notes</h3>
      {list.length === 0 && (
        <div className="muted">
          No notes on this {what}
          {readOnly ? '' : ' yet'}.
        </div>
      )}
      {list.map((n) => (
        <NoteItem key={n.id} note={n} readOnly={readOnly} on={targets.length > 1 ? n.key : null} />
      ))}
      {!readOnly && addTo && (
        <div className="flow-note-add">
          <textarea
            value={text}
            rows={2}
            maxLength={100_000}
            placeholder={`Add a note on this ${what}`}
            title={`Ctrl+Enter adds it; notes are recorded in the audit trail${targets.length > 1 ? `; it goes on ${addTo.key}` : ''}`}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && text.trim() !== '') void add();
            }}
            data-testid={`${what}-note-input`}
          />
          <button className="primary" disabled={busy || text.trim() === ''} onClick={() => void add()} data-testid={`${what}-note-add`}>
            Add note
          </button>
        </div>
      )}
      {error && <div className="error-text">{error}</div>}
    </section>
  );
}
