import type { FieldDef } from './field-def';

/** What a researcher said a flow is, and what a model predicted; kept on the flow so tables and filters read them directly. */
export const labelFields = [
  { name: 'label', label: 'Label', type: 'text', group: 'labels', since: 3, description: 'Current label, app/activity (e.g. WhatsApp/send-photo); its history and provenance are kept separately' },
  { name: 'prediction', label: 'Prediction', type: 'text', group: 'labels', since: 3, description: 'Class predicted by the last model applied to the flow' },
  { name: 'confidence', label: 'Confidence', type: 'real', group: 'labels', since: 3, description: "The model's confidence in that prediction, 0–1" },
] as const satisfies readonly FieldDef[];
