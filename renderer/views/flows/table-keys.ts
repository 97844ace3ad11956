/** What a key pressed in the flow table asks for. */
export type TableKey =
  | { kind: 'move'; delta: 1 | -1; extend: boolean }
  | { kind: 'recent'; index: number }
  | { kind: 'undo' };

/**
 * The labelling keys, vi-style as in mutt or Gmail: j/k move (Shift extends
 * the selection), 1–9 apply a recent label to the selection, u or Ctrl+Z
 * undoes the last act. Keys typed into a text field are the field's.
 */
export function tableKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null }): TableKey | null {
  const t = e.target as { tagName?: string; isContentEditable?: boolean } | null;
  if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return null;
  if (e.altKey) return null;
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') return { kind: 'undo' };
  if (e.ctrlKey || e.metaKey) return null;
  switch (e.key) {
    case 'j':
    case 'J':
      return { kind: 'move', delta: 1, extend: e.key === 'J' };
    case 'k':
    case 'K':
      return { kind: 'move', delta: -1, extend: e.key === 'K' };
    case 'u':
      return { kind: 'undo' };
  }
  if (/^[1-9]$/.test(e.key)) return { kind: 'recent', index: Number(e.key) - 1 };
  return null;
}
