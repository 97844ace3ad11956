import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FlowScope } from '../../../shared/domain/flow-query';
import type { FlowRecord } from '../../../shared/fields';
import { useReadOnly } from '../../api/read-only';
import { useCall } from '../../api/use-call';
import { formatCount } from '../../format/format-number';
import { SplitPane } from '../../layout/SplitPane';
import { isBoolean, useStoredState } from '../../storage/stored-state';
import { FlowDetail } from '../detail/FlowDetail';
import { ExportMenu } from '../export/ExportMenu';
import type { ExportFormat } from '../export/run-export';
import { ColourLegend } from './ColourLegend';
import { ColumnChooser } from './ColumnChooser';
import type { BookmarkTag } from '../../../shared/domain/bookmarks';
import { FlowContextMenu, type ContextTarget } from './FlowContextMenu';
import { labelColourMap } from '../labels/label-colour-map';
import { LabelPanel } from '../labels/LabelPanel';
import { useLabeling } from '../labels/use-labeling';
import { FlowTable } from './FlowTable';
import type { TableKey } from './table-keys';
import { useVisibleColumns } from './visible-columns';

interface Props {
  scope: FlowScope;
  count: number | null;
  exporting: boolean;
  onExport: (scope: FlowScope, format: ExportFormat) => void;
  onScopeError: (err: unknown) => void;
  onBookmark: (flowId: number, tag: BookmarkTag) => void;
  onApplyFilter: (filter: string) => void;
  /**
   * A live capture is running (or has just ended and its outcome is still
   * shown): its activity tags are labels, so the label column comes up front.
   */
  live: boolean;
}

// The label comes right after the id whenever it is shown: labelling is read and done row by row.
const LABEL_UP_FRONT = ['label'];
const NOTHING_UP_FRONT: string[] = [];

/** The flow table over the applied scope, its tools, the selected flow's detail below, and the labelling panel beside them. */
export function FlowsView({ scope, count, exporting, onExport, onScopeError, onApplyFilter, onBookmark, live }: Props) {
  const readOnly = useReadOnly();
  const [chosen, setChosen] = useVisibleColumns();
  // While capturing, the label column is shown (not remembered) unless the user hides it.
  const [liveLabel, setLiveLabel] = useState(true);
  useEffect(() => {
    if (live) setLiveLabel(true);
  }, [live]);
  const addLabel = live && liveLabel && !chosen.has('label');
  const visible = useMemo(() => (addLabel ? new Set([...chosen, 'label']) : chosen), [addLabel, chosen]);
  const setVisible = useCallback(
    (names: string[]) => {
      if (!addLabel) setChosen(names);
      else if (names.includes('label')) setChosen(names.filter((n) => n !== 'label'));
      else {
        setLiveLabel(false);
        setChosen(names);
      }
    },
    [addLabel, setChosen],
  );
  const [colourRows, setColourRows] = useStoredState('flowsight.colour-rows', true, isBoolean);
  const [selected, setSelected] = useState<number[]>([]);
  const [focused, setFocused] = useState<number | null>(null);
  const [menu, setMenu] = useState<ContextTarget | null>(null);
  const onContextMenu = useCallback((x: number, y: number, flow: FlowRecord) => setMenu({ x, y, flow }), []);
  const closeMenu = useCallback(() => setMenu(null), []);
  const [showLabels, setShowLabels] = useStoredState('flowsight.label-panel', true, isBoolean);
  const catalogue = useCall('labels.catalogue', {}).data;
  const colourOf = useMemo(() => labelColourMap(catalogue), [catalogue]);
  const labeling = useLabeling(selected, scope);
  const { recent, applyToSelection, undo } = labeling;
  const onLabelKey = useCallback(
    (key: Exclude<TableKey, { kind: 'move' }>, selection: number[]) => {
      // A read-only case shows its labels in the panel, without the keys that change them.
      if (readOnly) return;
      if (key.kind === 'undo') void undo();
      else if (recent[key.index]) void applyToSelection(recent[key.index], selection);
    },
    [readOnly, recent, applyToSelection, undo],
  );

  const table = (
    <SplitPane
      direction="column"
      storageKey="flowsight.split.flows"
      initial={0.45}
      first={
        <FlowTable
          scope={scope}
          count={count}
          visible={visible}
          upFront={visible.has('label') ? LABEL_UP_FRONT : NOTHING_UP_FRONT}
          colourRows={colourRows}
          onScopeError={onScopeError}
          onSelection={setSelected}
          onFocusFlow={setFocused}
          onContextMenu={onContextMenu}
          labelColour={colourOf}
          onLabelKey={onLabelKey}
        />
      }
      second={<FlowDetail flowId={focused} readOnly={readOnly} />}
    />
  );

  return (
    <div className="flows-view">
      <div className="toolbar">
        <ColumnChooser visible={visible} onChange={setVisible} />
        <ColourLegend on={colourRows} onToggle={setColourRows} />
        <span className="toolbar-gap" />
        <span className="selection-info" data-testid="selection-info">
          {selected.length ? `${formatCount(selected.length)} selected` : 'Click to select · Ctrl/Shift-click for more · right-click for actions'}
        </span>
        <ExportMenu filtered={scope} filteredCount={count} selectedIds={selected} busy={exporting} onExport={onExport} />
        <button className={showLabels ? 'on' : ''} aria-pressed={showLabels} onClick={() => setShowLabels(!showLabels)} data-testid="label-panel-toggle" title="The labelling panel">
          Labels
        </button>
      </div>
      {showLabels ? (
        <SplitPane
          direction="row"
          storageKey="flowsight.split.labels"
          initial={0.74}
          first={table}
          second={<LabelPanel labeling={labeling} scope={scope} scopeCount={count} selectedCount={selected.length} focused={focused} catalogue={catalogue ?? []} colourOf={colourOf} />}
        />
      ) : (
        table
      )}
      {menu && (
        <FlowContextMenu
          target={menu}
          selected={selected.length}
          onClose={closeMenu}
          onExportSelected={(format) => onExport({ filter: '', ids: selected }, format)}
          onApplyFilter={onApplyFilter}
          {...(readOnly || menu.flow.id === null ? {} : { onBookmark: (tag: BookmarkTag) => onBookmark(menu.flow.id as number, tag) })}
        />
      )}
    </div>
  );
}
