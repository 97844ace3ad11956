/**
 * The field registry: every flow attribute is named exactly once, here.
 *
 * A field's `name` is at the same time its SQLite column in `flows`, its AG Grid
 * column id, its display-filter field, its key in JSONL exports and its ML feature
 * name. `since` is the case-schema version that introduced the column, so the
 * migrations add columns from this list instead of repeating it.
 */
import { applicationFields } from './application';
import { cicFields } from './cicflowmeter';
import { coreFields } from './core';
import { endpointFields } from './endpoints';
import type { FieldDef, FieldType } from './field-def';
import { labelFields } from './labels';
import { lifecycleFields } from './lifecycle';
import { packetStatFields } from './packet-stats';
import { sequenceFields } from './sequence';
import { tcpAnalysisFields } from './tcp-analysis';

export type { FieldDef, FieldGroup, FieldType } from './field-def';

export const flowFields = [
  ...coreFields,
  ...endpointFields,
  ...lifecycleFields,
  ...applicationFields,
  ...labelFields,
  ...tcpAnalysisFields,
  ...packetStatFields,
  ...cicFields,
  ...sequenceFields,
] as const satisfies readonly FieldDef[];

/** The same registry seen through the general FieldDef interface (optional properties readable). */
export const fieldDefs: readonly FieldDef[] = flowFields;

export type FlowField = (typeof flowFields)[number];
export type FlowFieldName = FlowField['name'];

type ValueOf<T extends FieldType> = T extends 'text' ? string : number;

/** A stored flow, derived from the registry so it can never drift from it. */
export type FlowRecord = { [F in FlowField as F['name']]: ValueOf<F['type']> | null };

export const flowFieldNames = flowFields.map((f) => f.name) as readonly FlowFieldName[];

const byName = new Map<string, FieldDef>(flowFields.map((f) => [f.name, f]));

export function flowField(name: string): FieldDef | undefined {
  return byName.get(name);
}

export function isFlowFieldName(name: string): name is FlowFieldName {
  return byName.has(name);
}
