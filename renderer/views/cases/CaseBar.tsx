import { useState } from 'react';
import type { CaseSummary } from '../../../shared/domain/case';
import { ApiError } from '../../../shared/contract/errors';
import { api } from '../../api/client';
import { FlowLogDialog } from '../flowlog/FlowLogDialog';
import { ImportForm } from './ImportForm';

type Action = 'open' | 'create' | 'ingest' | 'flowlog';

const labels: Record<Action, string> = { open: 'Open case', create: 'New case', ingest: 'Add capture files', flowlog: 'Import flow log' };
const purposes = { open: 'case-open', create: 'case-create', ingest: 'captures', flowlog: 'flow-logs' } as const;

/**
 * Case actions. In Electron the native chooser picks paths; in serve mode (no
 * native dialogs) the user types them. Adding capture files always opens the
 * import form (import filter, label), which has its own chooser.
 */
export function CaseBar({ current, onError }: { current: CaseSummary | null; onError: (msg: string | null) => void }) {
  const [asking, setAsking] = useState<Action | null>(null);
  const [text, setText] = useState('');
  const [flowLog, setFlowLog] = useState<string | null>(null);

  const run = async (action: Action, paths: string[]) => {
    onError(null);
    try {
      if (action === 'flowlog') setFlowLog(paths[0]);
      else if (action === 'open') await api.invoke('case.open', { path: paths[0] });
      else if (action === 'create') await api.invoke('case.create', { path: paths[0] });
      setAsking(null);
      setText('');
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err));
    }
  };

  const start = async (action: Action) => {
    if (action === 'ingest') return setAsking(asking === 'ingest' ? null : 'ingest');
    try {
      const { paths } = await api.invoke('ui.chooseFiles', { purpose: purposes[action] });
      if (paths.length) await run(action, paths);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'unsupported') setAsking(action);
      else onError(err instanceof Error ? err.message : String(err));
    }
  };

  const button = (a: Action) => {
    const adds = a === 'ingest' || a === 'flowlog';
    const readOnly = adds && current !== null && current.readOnly;
    return (
      <button
        key={a}
        onClick={() => void start(a)}
        disabled={(adds && !current) || readOnly}
        title={readOnly ? 'This case is open read-only: open it writable to add evidence to it.' : undefined}
        aria-expanded={a === 'ingest' ? asking === 'ingest' : undefined}
        data-testid={`action-${a}`}
      >
        {labels[a]}
      </button>
    );
  };

  return (
    <div className="case-bar">
      <span className="case-title" data-testid="case-title">
        {current ? current.title : 'No case open'}
        {current?.demo && <span className="badge">demo</span>}
        {current?.readOnly && (
          <span className="badge" data-testid="read-only-badge" title="Opened read-only: nothing is written to the case file or its folder">
            read-only
          </span>
        )}
      </span>
      {button('open')}
      {button('create')}
      <span className="popup-anchor">
        {button('ingest')}
        {asking === 'ingest' && <ImportForm onClose={() => setAsking(null)} onError={onError} />}
      </span>
      {button('flowlog')}
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
            placeholder={asking === 'flowlog' ? 'Flow log path (CSV, Zeek conn.log, NSL-KDD)' : 'Case file path (*.flowsight)'}
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
      {flowLog && <FlowLogDialog path={flowLog} onClose={() => setFlowLog(null)} />}
    </div>
  );
}
