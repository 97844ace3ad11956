import { useCallback, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Target } from '../../../shared/domain/bookmarks';
import { useDismiss } from '../../layout/use-dismiss';
import { TargetNotes } from './TargetNotes';

/**
 * A grid row's notes behind a button with their count: a click opens them,
 * with Edit, Remove and the add box (read-only cases: the notes alone, and no
 * button while there are none). Drawn on the page, so the row clips nothing.
 */
export function NotesPopover({ target, count, readOnly }: { target: Target & { kind: 'finding' }; count: number; readOnly: boolean }) {
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setAt(null), []);
  useDismiss(box, at !== null, close);
  if (readOnly && count === 0) return null;
  return (
    <>
      <button
        className={`notes-button${count ? '' : ' unset'}`}
        title={count ? `${count} note${count === 1 ? '' : 's'}: click to read${readOnly ? '' : ', edit or add'}` : `Write a note on this ${target.kind}`}
        aria-haspopup="dialog"
        // As for the bookmark toggle: the outside-click dismissal must not see this press.
        onMouseDown={(e) => e.stopPropagation()}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setAt(at ? null : { x: r.left, y: r.bottom + 3 });
        }}
        data-testid="notes-button"
      >
        ✎{count ? ` ${count}` : ''}
      </button>
      {at &&
        createPortal(
          <div className="popup context-menu notes-popover" ref={box} role="dialog" style={{ left: Math.min(at.x, window.innerWidth - 470), top: Math.min(at.y, window.innerHeight - 260) }} data-testid="notes-popover">
            <TargetNotes targets={[target]} what={target.kind} readOnly={readOnly} />
          </div>,
          document.body,
        )}
    </>
  );
}
