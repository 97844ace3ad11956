import { useRef, useState, type ReactNode, type PointerEvent } from 'react';
import { isNumber, readStored, writeStored } from '../storage/stored-state';

interface Props {
  /** row: side by side; column: one above the other. */
  direction: 'row' | 'column';
  /** localStorage key for the first pane's share. */
  storageKey: string;
  /** The first pane's share of the space, 0–1. */
  initial: number;
  first: ReactNode;
  second: ReactNode;
  className?: string;
}

const MIN = 0.12;
const MAX = 0.88;

/** Two panes and a draggable divider; the split is remembered. */
export function SplitPane({ direction, storageKey, initial, first, second, className }: Props) {
  const [share, setShare] = useState(() => readStored(storageKey, initial, isNumber));
  const box = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  const move = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current || !box.current) return;
    const r = box.current.getBoundingClientRect();
    const at = direction === 'row' ? (e.clientX - r.left) / r.width : (e.clientY - r.top) / r.height;
    setShare(Math.min(MAX, Math.max(MIN, at)));
  };

  return (
    <div className={`split split-${direction} ${className ?? ''}`} ref={box}>
      <div className="split-pane" style={{ flexBasis: `${share * 100}%` }}>
        {first}
      </div>
      <div
        className="split-divider"
        role="separator"
        aria-orientation={direction === 'row' ? 'vertical' : 'horizontal'}
        onPointerDown={(e) => {
          e.preventDefault();
          e.currentTarget.setPointerCapture(e.pointerId);
          dragging.current = true;
        }}
        onPointerMove={move}
        onPointerUp={() => {
          dragging.current = false;
          writeStored(storageKey, share);
        }}
        onDoubleClick={() => {
          setShare(initial);
          writeStored(storageKey, initial);
        }}
        title="Drag to resize; double-click to reset"
      />
      <div className="split-pane split-rest">{second}</div>
    </div>
  );
}
