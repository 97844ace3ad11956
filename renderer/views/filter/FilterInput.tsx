import { useRef, type KeyboardEvent, type RefObject } from 'react';
import type { FilterErrorInfo } from '../../../shared/filter';
import type { FilterStatus } from './filter-status';

interface Props {
  value: string;
  status: FilterStatus;
  inputRef: RefObject<HTMLInputElement | null>;
  onChange: (text: string, caret: number) => void;
  onCaret: (caret: number) => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  onBlur: () => void;
}

/** The text with its offending range marked; an error at the end marks one blank cell so it is visible. */
function Marked({ text, error }: { text: string; error: FilterErrorInfo }) {
  const from = Math.min(error.position, text.length);
  const to = Math.min(text.length, from + Math.max(error.length, 0));
  const bad = text.slice(from, to);
  return (
    <>
      {text.slice(0, from)}
      <mark className="filter-bad" data-testid="filter-bad">
        {bad || ' '}
      </mark>
      {text.slice(to)}
    </>
  );
}

/**
 * A one-line input with a mirror behind it: the mirror holds the same text in
 * the same font, transparent except for the mark under the offending token, and
 * scrolls with the input. Everything is a text node, never markup.
 */
export function FilterInput({ value, status, inputRef, onChange, onCaret, onKeyDown, onBlur }: Props) {
  const mirror = useRef<HTMLDivElement>(null);
  const sync = (el: HTMLInputElement) => {
    if (mirror.current) mirror.current.scrollLeft = el.scrollLeft;
  };
  return (
    <div className={`filter-input ${status.kind}`} data-testid="filter-field" data-status={status.kind}>
      <div className="filter-mirror" ref={mirror} aria-hidden="true">
        {status.kind === 'invalid' ? <Marked text={value} error={status.error} /> : value}
      </div>
      <input
        ref={inputRef}
        data-testid="filter-input"
        value={value}
        placeholder="Display filter, e.g. tcp.port == 443 && !(ip.dst == 10.0.0.0/8)"
        spellCheck={false}
        autoComplete="off"
        aria-label="Display filter"
        aria-invalid={status.kind === 'invalid'}
        onChange={(e) => {
          onChange(e.target.value, e.target.selectionStart ?? e.target.value.length);
          sync(e.target);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(e) => sync(e.currentTarget)}
        onScroll={(e) => sync(e.currentTarget)}
        onSelect={(e) => {
          sync(e.currentTarget);
          onCaret(e.currentTarget.selectionStart ?? 0);
        }}
        onBlur={onBlur}
      />
    </div>
  );
}
