import type { LabelCatalogueEntry } from '../../../shared/domain/labels';
import { api } from '../../api/client';
import { formatCount } from '../../format/format-number';
import type { LabelColourOf } from './label-colour-map';

interface Props {
  recent: readonly string[];
  catalogue: readonly LabelCatalogueEntry[];
  colourOf: LabelColourOf;
  canApply: boolean;
  onApply: (label: string) => void;
  onError: (err: unknown) => void;
}

/** The labels on keys 1–9: click or press the number to label the selection; the swatch picks the colour. */
export function RecentLabels({ recent, catalogue, colourOf, canApply, onApply, onError }: Props) {
  const flows = new Map(catalogue.map((e) => [e.name, e.flows]));
  if (recent.length === 0) return <div className="pane-note">Labels you apply get number keys here.</div>;
  return (
    <ol className="recent-labels" data-testid="recent-labels">
      {recent.map((name, i) => (
        <li key={name} data-testid={`recent-label-${i + 1}`}>
          <kbd>{i + 1}</kbd>
          <input
            type="color"
            className="label-swatch"
            value={colourOf(name)}
            title={`Colour of ${name}`}
            onChange={(e) => api.invoke('labels.define', { name, colour: e.target.value }).catch(onError)}
          />
          <button className="recent-name" disabled={!canApply} onClick={() => onApply(name)} title={`Label the selection ${name} (key ${i + 1})`}>
            {name}
          </button>
          <span className="muted">{formatCount(flows.get(name) ?? 0)}</span>
        </li>
      ))}
    </ol>
  );
}
