import { useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useCall } from '../../api/use-call';
import { NoteItem } from '../annotations/NoteItem';

/**
 * The notes on the selected flow, oldest first, each with Edit and Remove, and
 * a box to add one (none of these when the case is read-only). A note is
 * audited where it is stored; the list reloads on the case.changed event the
 * call raises.
 */
export function FlowNotes({ flowId, readOnly }: { flowId: number; readOnly: boolean }) {
  const target = { kind: 'flow' as const, key: String(flowId) };
  const notes = useCall('notes.list', { target });
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.invoke('notes.add', { target, text });
      setText('');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const list = notes.data ?? [];
  return (
    <section className="detail-section flow-notes" data-testid="flow-notes">
      <h3>Notes</h3>
      {list.length === 0 && <div className="muted">No notes on this flow{readOnly ? '' : ' yet'}.</div>}
      {list.map((n) => (
        <NoteItem key={n.id} note={n} readOnly={readOnly} />
      ))}
      {!readOnly && (
        <div className="flow-note-add">
          <textarea
            value={text}
            rows={2}
            maxLength={100_000}
            placeholder="Add a note on this flow"
            title="Ctrl+Enter adds it; notes are recorded in the audit trail"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && text.trim() !== '') void add();
            }}
            data-testid="flow-note-input"
          />
          <button className="primary" disabled={busy || text.trim() === ''} onClick={() => void add()} data-testid="flow-note-add">
            Add note
          </button>
        </div>
      )}
      {error && <div className="error-text">{error}</div>}
    </section>
  );
}
