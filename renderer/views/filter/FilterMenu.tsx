import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../../layout/use-dismiss';
import type { SavedFilter } from './filter-history';

interface Props {
  recent: string[];
  saved: SavedFilter[];
  current: string;
  canSave: boolean;
  onPick: (expression: string) => void;
  onSave: (f: SavedFilter) => void;
  onRemove: (name: string) => void;
}

/** Recent and saved filters, and saving the current one under a name. */
export function FilterMenu({ recent, saved, current, canSave, onPick, onSave, onRemove }: Props) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(box, open, close);
  const pick = (e: string) => {
    onPick(e);
    setOpen(false);
  };
  return (
    <div className="popup-anchor" ref={box}>
      <button className="icon-button" title="Recent and saved filters" data-testid="filter-menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        ▾
      </button>
      {open && (
        <div className="popup filter-menu" role="menu">
          <form
            className="filter-save"
            onSubmit={(e) => {
              e.preventDefault();
              if (!name.trim() || !canSave) return;
              onSave({ name: name.trim(), expression: current.trim() });
              setName('');
            }}
          >
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Name for the current filter" data-testid="filter-save-name" disabled={!canSave} />
            <button type="submit" disabled={!canSave || !name.trim()} data-testid="filter-save">
              Save
            </button>
          </form>
          <div className="popup-section">Saved</div>
          {saved.length === 0 && <div className="popup-empty">No saved filters</div>}
          {saved.map((s) => (
            <div className="popup-row" key={s.name}>
              <button className="popup-item" role="menuitem" title={s.expression} onClick={() => pick(s.expression)} data-testid="saved-filter">
                <span className="popup-name">{s.name}</span>
                <code>{s.expression}</code>
              </button>
              <button className="icon-button" title={`Delete "${s.name}"`} onClick={() => onRemove(s.name)}>
                ✕
              </button>
            </div>
          ))}
          <div className="popup-section">Recent in this case</div>
          {recent.length === 0 && <div className="popup-empty">No filters applied yet</div>}
          {recent.map((r) => (
            <button className="popup-item" role="menuitem" key={r} onClick={() => pick(r)} data-testid="recent-filter">
              <code>{r}</code>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
