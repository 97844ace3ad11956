import { lazy, Suspense, useCallback, useState } from 'react';
import type { CaseSummary } from '../../shared/domain/case';
import type { FilterErrorInfo } from '../../shared/filter';
import type { BookmarkTag } from '../../shared/domain/bookmarks';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import { ReadOnlyContext } from '../api/read-only';
import { CaseView } from '../views/case/CaseView';
import { FilterBar } from '../views/filter/FilterBar';
import { serverFilterError } from '../views/filter/filter-status';
import { CaptureView } from '../views/capture/CaptureView';
import type { Capture } from '../views/capture/use-capture';
import { FlowsView } from '../views/flows/FlowsView';
import { useExport } from '../views/export/use-export';
import { allFlows, toFlowScope, type AppliedScope, type TimeRange } from './applied-scope';
import { StatusBar } from './StatusBar';
import { useFlowCount } from './use-flow-count';
import type { View } from './ViewSwitcher';
import { FindingsView } from '../views/findings/FindingsView';

// Plotly is large: the statistics view loads when first opened.
const StatisticsView = lazy(() => import('../views/statistics/StatisticsView'));
const HostsView = lazy(() => import('../views/hosts/HostsView'));
const AnomaliesView = lazy(() => import('../views/anomalies/AnomaliesView'));
const TrainingView = lazy(() => import('../views/training/TrainingView'));
const SessionsView = lazy(() => import('../views/sessions/SessionsView'));

/**
 * One open case: the applied scope (filter and time range) that every view
 * reads, the filter bar that sets it, the current view and the status bar.
 * Bookmarking from the table goes through here, since the table only reads.
 */
export function Workbench({ current, view, onView, onError, capture, onCaptureStarted }: { current: CaseSummary; view: View; onView: (v: View) => void; onError: (msg: string | null) => void; capture: Capture; onCaptureStarted: () => void }) {
  const [scope, setScope] = useState<AppliedScope>(allFlows);
  const [filterError, setFilterError] = useState<FilterErrorInfo | null>(null);
  const onScopeError = useCallback(
    (err: unknown) => {
      const fe = serverFilterError(err);
      if (fe) setFilterError(fe);
      else onError(errorText(err));
    },
    [onError],
  );
  const count = useFlowCount(scope, onScopeError);
  const exporter = useExport(onError);
  const applyFilter = useCallback((filter: string) => {
    setFilterError(null);
    setScope((s) => ({ ...s, filter }));
  }, []);
  const setRange = useCallback((range: TimeRange | null) => setScope((s) => ({ ...s, range })), []);
  const flowScope = toFlowScope(scope);
  // Findings, anomalies and "label next" show their flows in the flow table, through the filter bar.
  const showFlows = useCallback(
    (filter: string) => {
      applyFilter(filter);
      onView('flows');
    },
    [applyFilter, onView],
  );
  const bookmark = useCallback(
    (flowId: number, tag: BookmarkTag) => {
      api.invoke('bookmarks.set', { target: { kind: 'flow', key: String(flowId) }, tag }).catch((err: unknown) => onError(errorText(err)));
    },
    [onError],
  );

  return (
    <ReadOnlyContext.Provider value={current.readOnly}>
      {view !== 'capture' && <FilterBar casePath={current.path} applied={scope.filter} serverError={filterError} range={scope.range} onApply={applyFilter} onClearRange={() => setRange(null)} />}
      <main>
        {view === 'flows' ? (
          <FlowsView scope={flowScope} count={count} exporting={exporter.busy} onExport={exporter.start} onScopeError={onScopeError} onApplyFilter={applyFilter} onBookmark={bookmark} live={capture.running !== null || capture.ended !== null} />
        ) : view === 'findings' ? (
          <FindingsView onShowFlows={showFlows} onError={onError} />
        ) : view === 'anomalies' ? (
          <Suspense fallback={<div className="pane-note centered">Loading anomalies…</div>}>
            <AnomaliesView casePath={current.path} onShowFlows={showFlows} onError={onError} />
          </Suspense>
        ) : view === 'sessions' ? (
          <Suspense fallback={<div className="pane-note centered">Loading sessions…</div>}>
            <SessionsView onError={onError} />
          </Suspense>
        ) : view === 'capture' ? (
          <CaptureView capture={capture} current={current} onStarted={onCaptureStarted} />
        ) : view === 'training' ? (
          <Suspense fallback={<div className="pane-note centered">Loading training…</div>}>
            <TrainingView filter={scope.filter} onError={onError} onShowFlows={showFlows} />
          </Suspense>
        ) : view === 'case' ? (
          <CaseView current={current} onError={onError} onShowFlows={showFlows} />
        ) : view === 'statistics' ? (
          <Suspense fallback={<div className="pane-note centered">Loading statistics…</div>}>
            <StatisticsView scope={scope} onRange={setRange} onFilter={applyFilter} />
          </Suspense>
        ) : (
          <Suspense fallback={<div className="pane-note centered">Loading hosts…</div>}>
            <HostsView onError={onError} onShowFlows={showFlows} />
          </Suspense>
        )}
      </main>
      <StatusBar current={current} count={count} scoped={scope.filter !== '' || scope.range !== null} />
    </ReadOnlyContext.Provider>
  );
}
