import { createPortal } from 'react-dom';
import type { Target } from '../../../shared/domain/bookmarks';
import { useAnchoredPopup } from '../../layout/use-anchored-popup';
import { TargetNotes } from './TargetNotes';

/**
 * A grid row's notes behind a button with their count: a click opens them,
 * with Edit, Remove and the add box (read-only cases: the notes alone, and no
 * button while there are none). Drawn on the page, so the row clips nothing.
 */
export function NotesPopover({ target, count, readOnly }: { target: Target & { kind: 'finding' }; count: number; readOnly: boolean }) {
  const { at, box, trigger } = useAnchoredPopup();
  if (readOnly && count === 0) return null;
  return (
    <>
      <button
        className={`notes-button${count ? '' : ' unset'}`}
        title={count ? `${count} note${count === 1 ? '' : 's'}: click to read${readOnly ? '' : ', edit or add'}` : `Write a note on this ${target.kind}`}
        aria-haspopup="dialog"
        {...trigger}
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
