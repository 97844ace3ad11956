import type { CellContextMenuEvent, CellFocusedEvent, GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { FlowScope } from '../../../shared/domain/flow-query';
import type { FlowRecord } from '../../../shared/fields';
import { useCaseChanged, type CaseChangeReason } from '../../api/use-case-changed';
import { gridTheme } from '../../grid/grid-setup';
import { flowColumns } from './flow-columns';
import { flowDatasource, PageLoads } from './flow-datasource';
import { flowRowClassRules } from './row-colours';
import { tableKey, type TableKey } from './table-keys';

const PAGE = 200;
const NONE: readonly string[] = [];

interface Props {
  scope: FlowScope;
  /** flows.count for this scope, once known. */
  count: number | null;
  visible: ReadonlySet<string>;
  /** Columns shown right after the id (the label while capturing with activity tags). */
  upFront?: readonly string[];
  colourRows: boolean;
  onScopeError: (err: unknown) => void;
  onSelection: (ids: number[]) => void;
  onFocusFlow: (id: number) => void;
  onContextMenu: (x: number, y: number, flow: FlowRecord) => void;
  labelColour: (label: string) => string;
  /**
   * Labelling keys other than moving (number keys, undo), with the selection as
   * the grid has it at that instant; j/k the table handles itself.
   */
  onLabelKey: (key: Exclude<TableKey, { kind: 'move' }>, selection: number[]) => void;
}

/**
 * The flow table: AG Grid's Infinite Row Model asks for pages as the user
 * scrolls; filtering, sorting and paging happen in SQL, so the grid never holds
 * all rows. Click selects, Ctrl/Shift-click extend; the focused row is the one
 * the detail pane shows.
 */
export function FlowTable({ scope, count, visible, upFront = NONE, colourRows, onScopeError, onSelection, onFocusFlow, onContextMenu, labelColour, onLabelKey }: Props) {
  const [grid, setGrid] = useState<GridApi<FlowRecord> | null>(null);
  const countRef = useRef<number | null>(count);
  countRef.current = count;

  const loads = useMemo(() => new PageLoads(), []);

  const scopeJson = JSON.stringify(scope);
  // A new datasource (per scope) makes the grid start over from the first page.
  const datasource = useMemo(() => flowDatasource(JSON.parse(scopeJson) as FlowScope, () => countRef.current, onScopeError, loads), [scopeJson, onScopeError, loads]);
  const columns = useMemo(() => flowColumns(visible, upFront, labelColour), [visible, upFront, labelColour]);

  useEffect(() => {
    if (grid && count !== null) grid.setRowCount(count, true);
  }, [grid, count]);

  // A new scope is a new list: what was selected in the old one is no longer in view.
  useEffect(() => {
    grid?.deselectAll();
    onSelection([]);
  }, [grid, scopeJson, onSelection]);

  useCaseChanged(async (reason: CaseChangeReason) => {
    if (!grid) return;
    if (reason === 'opened' || reason === 'closed') {
      grid.purgeInfiniteCache();
      return;
    }
    // Flows grew or were added (a live capture says so a few times a second): the
    // cached pages are fetched again in place, so the scroll position, the
    // selection and the focused row stay. The next refresh waits for these pages.
    grid.refreshInfiniteCache();
    await new Promise((r) => setTimeout(r, 0));
    await loads.idle();
  });

  const onCellFocused = useCallback(
    (e: CellFocusedEvent<FlowRecord>) => {
      if (e.rowIndex === null || e.rowPinned) return;
      const id = e.api.getDisplayedRowAtIndex(e.rowIndex)?.data?.id;
      if (typeof id === 'number') onFocusFlow(id);
    },
    [onFocusFlow],
  );

  const onCellContextMenu = useCallback(
    (e: CellContextMenuEvent<FlowRecord>) => {
      const ev = e.event as MouseEvent | null;
      if (!e.data || !ev) return;
      // As in Wireshark: right-clicking outside the selection selects that row alone.
      if (!e.node.isSelected()) e.node.setSelected(true, true);
      onContextMenu(ev.clientX, ev.clientY, e.data);
    },
    [onContextMenu],
  );

  // j/k move the focus and select that row (Shift keeps the rest of the selection), as a labeller walks flow by flow.
  const move = useCallback(
    (delta: 1 | -1, extend: boolean) => {
      if (!grid) return;
      const rows = grid.getDisplayedRowCount();
      if (rows === 0) return;
      const cell = grid.getFocusedCell();
      const next = Math.max(0, Math.min(rows - 1, cell ? cell.rowIndex + delta : 0));
      const column = cell?.column ?? grid.getAllDisplayedColumns()[0];
      grid.ensureIndexVisible(next);
      grid.setFocusedCell(next, column);
      grid.getDisplayedRowAtIndex(next)?.setSelected(true, !extend);
    },
    [grid],
  );

  // The grid's selection now: onSelection reaches the parent's state a render later.
  const selectionNow = useCallback(() => grid?.getSelectedNodes().flatMap((n) => (n.data ? [n.data.id as number] : [])) ?? [], [grid]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      const key = tableKey(e);
      if (!key) return;
      e.preventDefault();
      if (key.kind === 'move') move(key.delta, key.extend);
      else onLabelKey(key, selectionNow());
    },
    [move, onLabelKey, selectionNow],
  );

  return (
    <div className={`flow-table ${colourRows ? 'colour-rows' : ''}`} data-testid="flow-table" onKeyDown={onKeyDown}>
      <AgGridReact<FlowRecord>
        theme={gridTheme}
        columnDefs={columns}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={PAGE}
        maxBlocksInCache={50}
        infiniteInitialRowCount={1}
        rowSelection={{ mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: true }}
        rowClassRules={flowRowClassRules}
        getRowId={(p) => String(p.data.id)}
        onGridReady={(e) => setGrid(e.api)}
        onSelectionChanged={(e) => onSelection(e.api.getSelectedNodes().flatMap((n) => (n.data ? [n.data.id as number] : [])))}
        onCellFocused={onCellFocused}
        onCellContextMenu={onCellContextMenu}
        preventDefaultOnContextMenu
        tooltipShowDelay={400}
        // Every chosen column is in the DOM: a few dozen at most, and find-in-page and tests see them all.
        suppressColumnVirtualisation
      />
    </div>
  );
}
