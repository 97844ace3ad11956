import type { LabelCatalogueEntry } from '../../../shared/domain/labels';
import { defaultLabelColour } from '../../../shared/labels/label-colours';
import { labelApp } from '../../../shared/labels/label-path';

export type LabelColourOf = (label: string) => string;

/**
 * A label's colour: the catalogue's, else its app's (activities read as one
 * family), else the app's default hue; the same rule the server uses.
 */
export function labelColourMap(catalogue: readonly LabelCatalogueEntry[] | null): LabelColourOf {
  const byName = new Map((catalogue ?? []).map((e) => [e.name, e.colour]));
  return (label) => byName.get(label) ?? byName.get(labelApp(label)) ?? defaultLabelColour(labelApp(label));
}
