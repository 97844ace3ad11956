import { useCallback, useRef, useState, type MouseEvent } from 'react';
import { useDismiss } from './use-dismiss';

/**
 * A popup opened just below the control that toggles it (drawn on the page by
 * the caller, so a grid row clips nothing), closed by a click outside it or by
 * Escape. Spread `trigger` on the control and put `box` on the popup.
 */
export function useAnchoredPopup() {
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setAt(null), []);
  useDismiss(box, at !== null, close);
  const trigger = {
    // The outside-click dismissal must not see the control's own press, or a click meant to close the popup would open it again.
    onMouseDown: (e: MouseEvent) => e.stopPropagation(),
    onClick: (e: MouseEvent<HTMLElement>) => {
      const r = e.currentTarget.getBoundingClientRect();
      setAt(at ? null : { x: r.left, y: r.bottom + 3 });
    },
  };
  return { at, box, close, trigger };
}
