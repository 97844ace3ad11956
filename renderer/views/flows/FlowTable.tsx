import { AllCommunityModule, ModuleRegistry, themeQuartz, type GridApi, type IDatasource, type SortModelItem } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef } from 'react';
import type { SortSpec } from '../../../shared/domain/flow-query';
import { isFlowFieldName } from '../../../shared/fields';
import { api } from '../../api/client';
import { useEvent } from '../../api/use-event';
import { flowColumns } from './flow-columns';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
  fontSize: 12,
  headerFontSize: 12,
  rowHeight: 24,
  headerHeight: 30,
  spacing: 4,
  accentColor: '#2f6fd6',
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
});

const PAGE = 200;

function toSort(model: SortModelItem[]): SortSpec[] {
  return model.filter((m) => isFlowFieldName(m.colId)).map((m) => ({ field: m.colId as SortSpec['field'], dir: m.sort }));
}

/**
 * The flow table: AG Grid's Infinite Row Model asks for pages as the user
 * scrolls; sorting and paging happen in SQL, so the grid never holds all rows.
 */
export function FlowTable({ onCount }: { onCount: (n: number) => void }) {
  const gridRef = useRef<GridApi | null>(null);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        const scope = { filter: '' };
        Promise.all([api.invoke('flows.page', { startRow: params.startRow, endRow: params.endRow, sort: toSort(params.sortModel), scope }), api.invoke('flows.count', { scope })])
          .then(([page, { count }]) => {
            onCount(count);
            const last = params.startRow + page.rows.length >= count ? count : undefined;
            params.successCallback(page.rows, last);
          })
          .catch(() => params.failCallback());
      },
    }),
    [onCount],
  );

  const refresh = useCallback(() => {
    gridRef.current?.purgeInfiniteCache();
  }, []);
  useEvent('case.changed', refresh);

  return (
    <div className="flow-table" data-testid="flow-table">
      <AgGridReact
        theme={theme}
        columnDefs={flowColumns}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={PAGE}
        maxBlocksInCache={50}
        infiniteInitialRowCount={1}
        rowSelection={{ mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: true }}
        getRowId={(p) => String((p.data as { id: number }).id)}
        onGridReady={(e) => (gridRef.current = e.api)}
        suppressCellFocus={false}
      />
    </div>
  );
}
