import type { FlowScope } from '../../shared/domain/flow-query';

/** A time range in epoch seconds (flows overlapping it). */
export interface TimeRange {
  from: number;
  to: number;
}

/**
 * What the investigator has applied: the display filter (as typed and accepted)
 * and an optional time range from the I/O graph's brush. The table, the count,
 * the statistics and the I/O graph all read the same scope.
 */
export interface AppliedScope {
  filter: string;
  range: TimeRange | null;
}

export const allFlows: AppliedScope = { filter: '', range: null };

export function toFlowScope(s: AppliedScope): FlowScope {
  return s.range ? { filter: s.filter, range: s.range } : { filter: s.filter };
}

export function scopeKey(s: AppliedScope): string {
  return JSON.stringify([s.filter, s.range?.from ?? null, s.range?.to ?? null]);
}
