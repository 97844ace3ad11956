/**
 * Which flows an operation applies to: a compiled display filter (SQL built by
 * the filter compiler from fixed fragments, values bound as parameters), an
 * explicit list of ids, or all flows; optionally narrowed to a time range.
 */
export interface FlowSelection {
  where?: string;
  params?: unknown[];
  ids?: number[];
  /** Epoch seconds: flows overlapping [from, to]. */
  range?: { from: number; to: number };
  /** Removed evidence files: their flows are hidden from every view until restored (evidence-store.ts). */
  hiddenEvidence?: number[];
}

/** The selection as a WHERE clause over `flows` (aliased `f`) and its parameters. */
export function selectionSql(s: FlowSelection): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (s.where) {
    parts.push(`(${s.where})`);
    params.push(...(s.params ?? []));
  }
  if (s.ids) {
    // Bound one by one; a JSON array keeps the statement's text fixed whatever the count.
    parts.push('f.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(s.ids));
  }
  if (s.range) {
    parts.push('f.last_ts >= ? AND f.first_ts <= ?');
    params.push(s.range.from, s.range.to);
  }
  if (s.hiddenEvidence?.length) {
    parts.push('f.evidence_id NOT IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(s.hiddenEvidence));
  }
  return { where: parts.length ? parts.join(' AND ') : '1', params };
}
