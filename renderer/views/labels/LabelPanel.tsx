import { useEffect } from 'react';
import { useWritable } from '../../api/read-only';
import type { FlowScope } from '../../../shared/domain/flow-query';
import type { LabelCatalogueEntry } from '../../../shared/domain/labels';
import { ApplyLabel } from './ApplyLabel';
import { ClassCounts } from './ClassCounts';
import { FlowProvenance } from './FlowProvenance';
import { GroundTruthImport } from './GroundTruthImport';
import { LabelRules } from './LabelRules';
import { LabelActs } from './LabelActs';
import type { LabelColourOf } from './label-colour-map';
import { RecentLabels } from './RecentLabels';
import { seedRecent } from '../../../shared/labels/recent-labels';
import type { Labeling } from './use-labeling';

interface Props {
  labeling: Labeling;
  scope: FlowScope;
  scopeCount: number | null;
  selectedCount: number;
  focused: number | null;
  catalogue: readonly LabelCatalogueEntry[];
  colourOf: LabelColourOf;
}

/**
 * The labelling panel beside the flow table: apply a label to the selection or
 * the filter, the number-keyed recent labels, class counts and imbalance, the
 * latest acts with undo, and the focused flow's provenance.
 */
export function LabelPanel({ labeling, scope, scopeCount, selectedCount, focused, catalogue, colourOf }: Props) {
  const { recent, setRecent, outcome } = labeling;
  const seeded = seedRecent(recent, catalogue).join('\n');
  useEffect(() => {
    if (recent.length === 0 && seeded) setRecent(seeded.split('\n'));
  }, [recent.length, seeded, setRecent]);

  const writing = useWritable('labels.apply', 'label flows');

  if (writing.disabled)
    return (
      <aside className="label-panel" data-testid="label-panel">
        <div className="pane-note" data-testid="label-read-only">
          {writing.why} The labels in it are shown, with where each came from.
        </div>
        <ClassCounts filter={scope.filter ?? ''} />
        <FlowProvenance flowId={focused} colourOf={colourOf} />
      </aside>
    );
  return (
    <aside className="label-panel" data-testid="label-panel">
      <ApplyLabel labeling={labeling} catalogue={catalogue} selectedCount={selectedCount} scopeCount={scopeCount} scoped={Boolean(scope.filter || scope.range)} />
      {outcome && (
        <div className={`label-outcome ${outcome.error ? 'error-text' : ''}`} data-testid="label-outcome">
          {outcome.text}
          {outcome.batch && (
            <button className="link-button" onClick={() => void labeling.undo(outcome.batch!)}>
              Undo
            </button>
          )}
        </div>
      )}
      <RecentLabels recent={recent} catalogue={catalogue} colourOf={colourOf} canApply={selectedCount > 0 && !labeling.busy} onApply={(l) => void labeling.applyToSelection(l)} onError={labeling.fail} />
      <div className="label-keys muted">
        <kbd>1</kbd>–<kbd>9</kbd> label selection · <kbd>j</kbd>/<kbd>k</kbd> move (<kbd>J</kbd>/<kbd>K</kbd> extend) · <kbd>u</kbd> undo
      </div>
      <ClassCounts filter={scope.filter ?? ''} />
      <GroundTruthImport onUndo={(b) => void labeling.undo(b)} />
      <LabelRules onError={labeling.fail} onUndo={(b) => void labeling.undo(b)} />
      <LabelActs onUndo={(b) => void labeling.undo(b)} busy={labeling.busy} />
      <FlowProvenance flowId={focused} colourOf={colourOf} />
    </aside>
  );
}
