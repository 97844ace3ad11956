import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { FilterErrorInfo } from '../../../shared/filter';
import type { TimeRange } from '../../app/applied-scope';
import { suggestFields, type FieldSuggestions } from './field-suggestions';
import { checkFilter, type FilterStatus } from './filter-status';
import { useFilterHistory, useSavedFilters } from './filter-history';
import { FilterInput } from './FilterInput';
import { FilterMenu } from './FilterMenu';
import { RangeChip } from './RangeChip';
import { SuggestionList } from './SuggestionList';

interface Props {
  casePath: string;
  /** The filter in force. */
  applied: string;
  /** The main process refused the applied filter (it re-parses every one). */
  serverError: FilterErrorInfo | null;
  range: TimeRange | null;
  onApply: (filter: string) => void;
  onClearRange: () => void;
}

/**
 * The display filter bar: green when the text parses, red with the offending
 * token marked when it does not; Enter applies it. Field names complete as you
 * type (Tab). Recent filters are kept per case, saved ones across cases.
 */
export function FilterBar({ casePath, applied, serverError, range, onApply, onClearRange }: Props) {
  const [text, setText] = useState(applied);
  const [suggestions, setSuggestions] = useState<FieldSuggestions | null>(null);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const [recent, remember] = useFilterHistory(casePath);
  const { saved, save, remove } = useSavedFilters();
  useEffect(() => setText(applied), [applied]);

  const status: FilterStatus = serverError && text.trim() === applied.trim() ? { kind: 'invalid', error: serverError } : checkFilter(text);
  const pending = text.trim() !== applied.trim();

  const suggest = (next: string, caret: number) => {
    setSuggestions(suggestFields(next, caret));
    setActive(-1);
  };
  const close = () => setSuggestions(null);

  const apply = (filter: string) => {
    const next = filter.trim();
    setText(next);
    close();
    if (checkFilter(next).kind === 'invalid') return;
    if (next) remember(next);
    onApply(next);
  };

  const complete = (name: string) => {
    if (!suggestions) return;
    const next = text.slice(0, suggestions.start) + name + text.slice(suggestions.end);
    const caret = suggestions.start + name.length;
    setText(next);
    close();
    requestAnimationFrame(() => input.current?.setSelectionRange(caret, caret));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = suggestions?.items.length ?? 0;
    if (n && e.key === 'ArrowDown') setActive((a) => (a + 1) % n);
    else if (n && e.key === 'ArrowUp') setActive((a) => (a <= 0 ? n - 1 : a - 1));
    else if (n && e.key === 'Tab') complete(suggestions!.items[Math.max(active, 0)].name);
    else if (n && e.key === 'Enter' && active >= 0) complete(suggestions!.items[active].name);
    else if (n && e.key === 'Escape') close();
    else if (e.key === 'Enter') apply(text);
    else if (e.key === 'Escape') setText(applied);
    else return;
    e.preventDefault();
  };

  return (
    <div className="filter-bar">
      <FilterInput
        value={text}
        status={status}
        inputRef={input}
        onChange={(next, caret) => {
          setText(next);
          suggest(next, caret);
        }}
        onCaret={(caret) => suggestions && suggest(text, caret)}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      {suggestions && <SuggestionList suggestions={suggestions} active={active} onPick={complete} />}
      {status.kind === 'invalid' && !suggestions && (
        <div className="filter-error" role="alert" data-testid="filter-error">
          {status.error.message} <span className="filter-where">(column {status.error.position + 1})</span>
        </div>
      )}
      <button className="icon-button" title="Clear the filter" data-testid="filter-clear" onClick={() => apply('')} disabled={!text && !applied}>
        ✕
      </button>
      <button className={pending ? 'primary' : ''} title="Apply (Enter)" data-testid="filter-apply" onClick={() => apply(text)} disabled={status.kind === 'invalid'}>
        Apply
      </button>
      <FilterMenu recent={recent} saved={saved} current={text} canSave={status.kind === 'valid'} onPick={apply} onSave={save} onRemove={remove} />
      {range && <RangeChip range={range} onClear={onClearRange} />}
    </div>
  );
}
