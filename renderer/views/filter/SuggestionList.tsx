import type { FieldSuggestions } from './field-suggestions';

/** Field names that complete what is being typed; the highlighted one is taken with Tab or Enter. */
export function SuggestionList({ suggestions, active, onPick }: { suggestions: FieldSuggestions; active: number; onPick: (name: string) => void }) {
  return (
    <ul className="popup filter-suggestions" role="listbox" data-testid="filter-suggestions">
      {suggestions.items.map((s, i) => (
        <li
          key={s.name}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : ''}
          // mousedown, not click: the input keeps the focus.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(s.name);
          }}
        >
          <code>{s.name}</code>
          <span className="muted">{s.description}</span>
        </li>
      ))}
    </ul>
  );
}
