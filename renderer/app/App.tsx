import { useCallback, useEffect, useState } from 'react';
import type { CaseSummary } from '../../shared/domain/case';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import { useCaseChanged } from '../api/use-case-changed';
import { CaptureBar } from '../views/capture/CaptureBar';
import { useCapture } from '../views/capture/use-capture';
import { CaseBar } from '../views/cases/CaseBar';
import { IntegrityBanner } from '../views/case/IntegrityBanner';
import { JobProgressBar } from '../views/jobs/JobProgressBar';
import { StatusBar } from './StatusBar';
import { ViewSwitcher, type View } from './ViewSwitcher';
import { Workbench } from './Workbench';

export function App() {
  const [current, setCurrent] = useState<CaseSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<View>('flows');
  const capture = useCapture();

  const refresh = useCallback(() => api.invoke('case.current', {}).then(setCurrent, (e: unknown) => setError(errorText(e))), []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useCaseChanged(refresh);
  const showFlows = useCallback(() => setView('flows'), []);

  return (
    <div className="app">
      <header>
        <span className="logo">Flowsight</span>
        <ViewSwitcher view={view} onChange={setView} disabled={!current} capturing={capture.running !== null} />
        <CaseBar current={current} onError={setError} />
      </header>
      <CaptureBar capture={capture} />
      <JobProgressBar />
      {current && <IntegrityBanner casePath={current.path} />}
      {error && (
        <div className="error" role="alert" data-testid="error">
          {error}
          <button className="icon-button" onClick={() => setError(null)} title="Dismiss">
            ✕
          </button>
        </div>
      )}
      {current ? (
        <Workbench key={current.path} current={current} view={view} onView={setView} onError={setError} capture={capture} onCaptureStarted={showFlows} />
      ) : (
        <>
          <main>
            <div className="empty">Open or create a case to begin.</div>
          </main>
          <StatusBar current={null} count={null} scoped={false} />
        </>
      )}
    </div>
  );
}
