import { z } from 'zod';
import { flowFieldNames, flowFields, type FlowFieldName as FieldName, type FlowRecord } from '../fields';

export const FlowFieldName = z.enum(flowFieldNames as unknown as [FieldName, ...FieldName[]]);

export const SortSpec = z.object({
  field: FlowFieldName,
  dir: z.enum(['asc', 'desc']),
});
export type SortSpec = z.infer<typeof SortSpec>;

/** One page of the flow table; rows are [startRow, endRow). */
export const FlowPageRequest = z.object({
  startRow: z.number().int().nonnegative(),
  endRow: z.number().int().positive(),
  sort: z.array(SortSpec).max(8).default([]),
}).refine((r) => r.endRow > r.startRow && r.endRow - r.startRow <= 10_000, {
  message: 'endRow must be greater than startRow and a page holds at most 10000 rows',
});
export type FlowPageRequest = z.input<typeof FlowPageRequest>;

/** A flow row's schema, built from the field registry (the cast only restores the registry's own type). */
export const FlowRow = z.object(
  Object.fromEntries(flowFields.map((f) => [f.name, f.type === 'text' ? z.string().nullable() : z.number().nullable()])),
) as unknown as z.ZodType<FlowRecord>;

export const FlowPage = z.object({
  rows: z.array(FlowRow),
  /** Number of rows matching, so the grid can size its scrollbar. */
  total: z.number().int().nonnegative(),
});
export type FlowPage = z.infer<typeof FlowPage>;
