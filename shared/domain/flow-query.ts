import { z } from 'zod';
import { flowFieldNames, flowFields, type FlowFieldName as FieldName, type FlowRecord } from '../fields';

export const FlowFieldName = z.enum(flowFieldNames as unknown as [FieldName, ...FieldName[]]);

export const SortSpec = z.object({
  field: FlowFieldName,
  dir: z.enum(['asc', 'desc']),
});
export type SortSpec = z.infer<typeof SortSpec>;

/** A time range in epoch seconds: flows overlapping it. */
export const TimeRange = z.object({ from: z.number(), to: z.number() }).refine((r) => r.to >= r.from, { message: 'to must not be before from' });

/** Which flows: a display filter (parsed and compiled in the main process), a time range, or explicit ids. */
export const FlowScope = z.object({
  filter: z.string().max(10_000).default(''),
  range: TimeRange.optional(),
  ids: z.array(z.number().int().positive()).max(100_000).optional(),
});
export type FlowScope = z.input<typeof FlowScope>;

/** One page of the flow table; rows are [startRow, endRow). */
export const FlowPageRequest = z
  .object({
    startRow: z.number().int().nonnegative(),
    endRow: z.number().int().positive(),
    sort: z.array(SortSpec).max(8).default([]),
    scope: FlowScope.default({ filter: '' }),
  })
  .refine((r) => r.endRow > r.startRow && r.endRow - r.startRow <= 10_000, {
    message: 'endRow must be greater than startRow and a page holds at most 10000 rows',
  });
export type FlowPageRequest = z.input<typeof FlowPageRequest>;

/** A flow row's schema, built from the field registry (the cast only restores the registry's own type). */
export const FlowRow = z.object(
  Object.fromEntries(flowFields.map((f) => [f.name, f.type === 'text' ? z.string().nullable() : z.number().nullable()])),
) as unknown as z.ZodType<FlowRecord>;

export const FlowPage = z.object({
  rows: z.array(FlowRow),
  /** Number of rows matching when already known; flows.count gives it otherwise. */
  total: z.number().int().nonnegative().nullable(),
});
export type FlowPage = z.infer<typeof FlowPage>;
