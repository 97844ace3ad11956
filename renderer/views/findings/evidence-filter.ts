/** The flow scope's filter text may be this long (shared/domain/flow-query.ts). */
const MAX_FILTER = 10_000;

/**
 * A display filter for exactly these flows: `id in {1 2 3}`. Longer lists
 * than the filter may hold are cut, and `shown` says how many made it, so the
 * view can say so instead of pretending.
 */
export function idFilter(ids: number[]): { filter: string; shown: number } {
  let text = 'id in {';
  let shown = 0;
  for (const id of ids) {
    const part = `${shown ? ' ' : ''}${id}`;
    if (text.length + part.length + 1 > MAX_FILTER) break;
    text += part;
    shown++;
  }
  return { filter: `${text}}`, shown };
}
