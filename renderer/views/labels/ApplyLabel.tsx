import { useState } from 'react';
import type { LabelCatalogueEntry } from '../../../shared/domain/labels';
import { labelProblem } from '../../../shared/labels/label-path';
import { formatCount } from '../../format/format-number';
import type { Labeling } from './use-labeling';

interface Props {
  labeling: Labeling;
  catalogue: readonly LabelCatalogueEntry[];
  selectedCount: number;
  scopeCount: number | null;
  scoped: boolean;
}

/** Type a label (free text, `app/activity`), then apply it to the selection or to every flow of the filter. */
export function ApplyLabel({ labeling, catalogue, selectedCount, scopeCount, scoped }: Props) {
  const [text, setText] = useState('');
  const label = text.trim();
  const problem = label ? labelProblem(label) : null;
  const ok = label !== '' && problem === null && !labeling.busy;
  return (
    <section className="label-apply">
      <form
        className="label-input-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) void labeling.applyToSelection(label);
        }}
      >
        <input
          list="label-names"
          value={text}
          placeholder="App/activity, e.g. WhatsApp/send-photo"
          onChange={(e) => setText(e.target.value)}
          aria-invalid={problem !== null}
          data-testid="label-input"
        />
        <datalist id="label-names">
          {catalogue.map((e) => (
            <option key={e.name} value={e.name} />
          ))}
        </datalist>
      </form>
      {problem && <div className="error-text label-problem">{problem}</div>}
      <div className="label-buttons">
        <button className="primary" disabled={!ok || selectedCount === 0} onClick={() => void labeling.applyToSelection(label)} data-testid="label-apply-selection" title="Enter in the field does the same">
          Selection ({formatCount(selectedCount)})
        </button>
        <button disabled={!ok || scopeCount === 0} onClick={() => void labeling.applyToScope(label)} data-testid="label-apply-filter" title="Every flow of the applied filter and time range, as one act">
          {scoped ? 'Filter' : 'All flows'} ({scopeCount === null ? '…' : formatCount(scopeCount)})
        </button>
        <button disabled={selectedCount === 0 || labeling.busy} onClick={() => void labeling.applyToSelection(null)} data-testid="label-clear-selection" title="Remove the selected flows' labels">
          Unlabel
        </button>
      </div>
    </section>
  );
}
