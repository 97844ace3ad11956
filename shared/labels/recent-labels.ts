/** How many labels the number keys 1–9 reach. */
export const RECENT_LIMIT = 9;

/**
 * The recent-label list after using `label`. A label already listed keeps its
 * place, so its number key stays the same while one labels flow after flow; a
 * new one goes first and the oldest falls off.
 */
export function recentAfter(list: readonly string[], label: string): string[] {
  if (list.includes(label)) return [...list];
  return [label, ...list].slice(0, RECENT_LIMIT);
}

/** Until the user has labelled anything here, the labels the case uses most fill the keys. */
export function seedRecent(list: readonly string[], catalogue: readonly { name: string; flows: number }[]): string[] {
  if (list.length > 0) return [...list];
  return [...catalogue]
    .sort((a, b) => b.flows - a.flows || a.name.localeCompare(b.name))
    .slice(0, RECENT_LIMIT)
    .map((e) => e.name);
}

export function isLabelList(v: unknown): v is string[] {
  return Array.isArray(v) && v.length <= RECENT_LIMIT && v.every((x) => typeof x === 'string');
}
