import type { FieldDef } from './field-def';

/** The first packets of a flow, for sequence-based app and activity classifiers. */
export const sequenceFields = [
  { name: 'first_sizes', label: 'First sizes', type: 'text', group: 'sequence', since: 2, description: 'Frame lengths of the first N packets (default 20), comma-separated; negative for packets from the destination' },
  { name: 'first_iats', label: 'First IATs', type: 'text', group: 'sequence', since: 2, description: 'Inter-arrival times of the first N packets in whole microseconds (the first is 0), comma-separated' },
] as const satisfies readonly FieldDef[];
