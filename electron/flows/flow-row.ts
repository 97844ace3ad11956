import { flowFields, type FlowFieldName } from '../../shared/fields';

export type FlowValue = number | string | null;

const columnIndex = new Map<string, number>(flowFields.map((f, i) => [f.name, i]));

/** Index of a registry field in a row; resolved once at module load by writers. */
export function columnOf(name: FlowFieldName): number {
  const i = columnIndex.get(name);
  if (i === undefined) throw new Error(`unknown flow field ${name}`);
  return i;
}

/** A flow row in registry order, filled by the core and by feature plugins. */
export type RowWriter = FlowValue[];

export function newRow(): FlowValue[] {
  return new Array<FlowValue>(flowFields.length).fill(null);
}
