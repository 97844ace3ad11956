import { useCallback, useEffect, useState } from 'react';
import type { CaseSummary } from '../../shared/domain/case';
import { api } from '../api/client';
import { useEvent } from '../api/use-event';
import { CaseBar } from '../views/cases/CaseBar';
import { FlowTable } from '../views/flows/FlowTable';
import { JobProgressBar } from '../views/jobs/JobProgressBar';

export function App() {
  const [current, setCurrent] = useState<CaseSummary | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api.invoke('case.current', {}).then(setCurrent, (e: Error) => setError(e.message));
  }, []);
  useEffect(refresh, [refresh]);
  useEvent('case.changed', refresh);

  return (
    <div className="app">
      <header>
        <span className="logo">Flowsight</span>
        <CaseBar current={current} onError={setError} />
      </header>
      <JobProgressBar />
      {error && (
        <div className="error" role="alert" data-testid="error">
          {error}
        </div>
      )}
      <main>{current ? <FlowTable key={current.path} onCount={setCount} /> : <div className="empty">Open or create a case to begin.</div>}</main>
      <footer>
        <span data-testid="flow-count">{current ? `${(count ?? current.flowCount).toLocaleString('en-US')} flows` : ''}</span>
        <span>{current ? `${current.evidenceCount} evidence file${current.evidenceCount === 1 ? '' : 's'}` : ''}</span>
        <span className="path">{current?.path}</span>
      </footer>
    </div>
  );
}
