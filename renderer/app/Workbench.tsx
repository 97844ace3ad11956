import { lazy, Suspense, useCallback, useState } from 'react';
import type { CaseSummary } from '../../shared/domain/case';
import type { FilterErrorInfo } from '../../shared/filter';
import { errorText } from '../api/error-text';
import { FilterBar } from '../views/filter/FilterBar';
import { serverFilterError } from '../views/filter/filter-status';
import { FlowsView } from '../views/flows/FlowsView';
import { useExport } from '../views/export/use-export';
import { allFlows, toFlowScope, type AppliedScope, type TimeRange } from './applied-scope';
import { StatusBar } from './StatusBar';
import { useFlowCount } from './use-flow-count';
import type { View } from './ViewSwitcher';

// Plotly is large: the statistics view loads when first opened.
const StatisticsView = lazy(() => import('../views/statistics/StatisticsView'));
const TrainingView = lazy(() => import('../views/training/TrainingView'));

/**
 * One open case: the applied scope (filter and time range) that every view
 * reads, the filter bar that sets it, the current view and the status bar.
 */
export function Workbench({ current, view, onView, onError }: { current: CaseSummary; view: View; onView: (v: View) => void; onError: (msg: string | null) => void }) {
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

  return (
    <>
      <FilterBar casePath={current.path} applied={scope.filter} serverError={filterError} range={scope.range} onApply={applyFilter} onClearRange={() => setRange(null)} />
      <main>
        {view === 'flows' ? (
          <FlowsView scope={flowScope} count={count} exporting={exporter.busy} onExport={exporter.start} onScopeError={onScopeError} onApplyFilter={applyFilter} />
        ) : view === 'statistics' ? (
          <Suspense fallback={<div className="pane-note centered">Loading statistics…</div>}>
            <StatisticsView scope={scope} onRange={setRange} onFilter={applyFilter} />
          </Suspense>
        ) : (
          <Suspense fallback={<div className="pane-note centered">Loading training…</div>}>
            <TrainingView
              filter={scope.filter}
              onError={onError}
              onShowFlows={(f) => {
                applyFilter(f);
                onView('flows');
              }}
            />
          </Suspense>
        )}
      </main>
      <StatusBar current={current} count={count} scoped={scope.filter !== '' || scope.range !== null} />
    </>
  );
}
