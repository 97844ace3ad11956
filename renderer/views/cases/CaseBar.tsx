import { useState } from 'react';
import type { CaseSummary } from '../../../shared/domain/case';
import { ApiError } from '../../../shared/contract/errors';
import { api } from '../../api/client';
import { ImportForm } from './ImportForm';

type Action = 'open' | 'create' | 'ingest';

const labels: Record<Action, string> = { open: 'Open case', create: 'New case', ingest: 'Add capture files' };
const purposes = { open: 'case-open', create: 'case-create', ingest: 'captures' } as const;

/**
 * Case actions. In Electron the native chooser picks paths; in serve mode (no
 * native dialogs) the user types them, one per line.
 */
export function CaseBar({ current, onError }: { current: CaseSummary | null; onError: (msg: string | null) => void }) {
  const [asking, setAsking] = useState<Action | null>(null);
  const [text, setText] = useState('');

  const run = async (action: Action, paths: string[]) => {
    onError(null);
    try {
      if (action === 'open') await api.invoke('case.open', { path: paths[0] });
      else if (action === 'create') await api.invoke('case.create', { path: paths[0] });
      setAsking(null);
      setText('');
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err));
    }
  };

  const start = async (action: Action) => {
    // Importing has options (filter, label): it always opens the import form, which has its own chooser.
    if (action === 'ingest') return setAsking(asking === 'ingest' ? null : 'ingest');
    try {
      const { paths } = await api.invoke('ui.chooseFiles', { purpose: purposes[action] });
      if (paths.length) await run(action, paths);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'unsupported') setAsking(action);
      else onError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <div className="case-bar">
      <span className="case-title" data-testid="case-title">
        {current ? current.title : 'No case open'}
        {current?.demo && <span className="badge">demo</span>}
      </span>
      {(['open', 'create'] as Action[]).map((a) => (
        <button key={a} onClick={() => void start(a)} data-testid={`action-${a}`}>
          {labels[a]}
        </button>
      ))}
      <span className="popup-anchor">
        <button onClick={() => void start('ingest')} disabled={!current} aria-expanded={asking === 'ingest'} data-testid="action-ingest">
          {labels.ingest}
        </button>
        {asking === 'ingest' && <ImportForm onClose={() => setAsking(null)} onError={onError} />}
      </span>
      {asking && asking !== 'ingest' && (
        <form
          className="path-form"
          onSubmit={(e) => {
            e.preventDefault();
            const paths = text.split('\n').map((s) => s.trim()).filter(Boolean);
            if (paths.length) void run(asking, paths);
          }}
        >
          <textarea
            data-testid="path-input"
            rows={1}
            placeholder="Case file path (*.flowsight)"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" data-testid="path-submit">
            {labels[asking]}
          </button>
          <button type="button" onClick={() => setAsking(null)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
