import { useState } from 'react';
import type { CaseSummary } from '../../../shared/domain/case';
import { ApiError } from '../../../shared/contract/errors';
import { api } from '../../api/client';
import { FlowLogDialog } from '../flowlog/FlowLogDialog';

type Action = 'open' | 'create' | 'ingest' | 'flowlog';

const labels: Record<Action, string> = { open: 'Open case', create: 'New case', ingest: 'Add capture files', flowlog: 'Import flow log' };
const purposes = { open: 'case-open', create: 'case-create', ingest: 'captures', flowlog: 'flow-logs' } as const;

/**
 * Case actions. In Electron the native chooser picks paths; in serve mode (no
 * native dialogs) the user types them, one per line.
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
      else await api.invoke('ingest.start', { files: paths });
      setAsking(null);
      setText('');
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err));
    }
  };

  const start = async (action: Action) => {
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
      {(['open', 'create', 'ingest', 'flowlog'] as Action[]).map((a) => (
        <button key={a} onClick={() => void start(a)} disabled={(a === 'ingest' || a === 'flowlog') && !current} data-testid={`action-${a}`}>
          {labels[a]}
        </button>
      ))}
      {asking && (
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
            rows={asking === 'ingest' ? 3 : 1}
            placeholder={asking === 'ingest' ? 'Capture file paths, one per line' : asking === 'flowlog' ? 'Flow log path (CSV, Zeek conn.log, NSL-KDD)' : 'Case file path (*.flowsight)'}
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
