import type { DetectorFlows } from './detector-flows';

/** Flow indexes grouped by a key; each group keeps the flows' order (by first packet). */
export function groupBy(flows: DetectorFlows, include: (i: number) => boolean, key: (i: number) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < flows.n; i++) {
    if (!include(i)) continue;
    const k = key(i);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(i);
  }
  return groups;
}

/**
 * Splits one group (in order of first packet) into episodes: a new episode
 * starts where the next flow begins more than `gap` seconds after the
 * previous one did. Unlike fixed windows, an attack is never cut in two by a
 * window boundary, so one attack is one finding.
 */
export function episodes(flows: DetectorFlows, group: number[], gap: number): number[][] {
  const out: number[][] = [];
  let cur: number[] = [];
  for (const i of group) {
    if (cur.length && flows.first[i] - flows.first[cur[cur.length - 1]] > gap) {
      out.push(cur);
      cur = [];
    }
    cur.push(i);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Earliest first packet and latest last packet of these flows. */
export function span(flows: DetectorFlows, idx: number[]): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const i of idx) {
    if (flows.first[i] < start) start = flows.first[i];
    if (flows.last[i] > end) end = flows.last[i];
  }
  return { start, end };
}

/** Seconds between the first and the last flow's start; at least `floor` so a rate is never divided by zero. */
export function startSpread(flows: DetectorFlows, idx: number[], floor = 1): number {
  return Math.max(floor, flows.first[idx[idx.length - 1]] - flows.first[idx[0]]);
}

export function distinct(idx: number[], value: (i: number) => number | string): number {
  return new Set(idx.map(value)).size;
}

/** "32 REJ, 6 S0, 2 RSTO": the connection states of these flows, most frequent first. */
export function stateSummary(flows: DetectorFlows, idx: number[]): string {
  const counts = new Map<string, number>();
  for (const i of idx) {
    const s = flows.stateOf(i) || 'unknown';
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s, n]) => `${n} ${s}`).join(', ');
}
