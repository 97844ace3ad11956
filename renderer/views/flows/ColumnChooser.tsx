import { useCallback, useRef, useState } from 'react';
import type { FieldDef } from '../../../shared/fields';
import { fieldsByGroup, groupTitles } from '../../format/field-groups';
import { useDismiss } from '../../layout/use-dismiss';
import { defaultVisible } from './flow-columns';

interface Props {
  visible: ReadonlySet<string>;
  onChange: (names: string[]) => void;
}

function matches(f: FieldDef, q: string): boolean {
  return !q || f.name.includes(q) || f.label.toLowerCase().includes(q) || f.description.toLowerCase().includes(q);
}

/** Every registry field, grouped as the registry groups them, with its description; ticking shows the column. */
export function ColumnChooser({ visible, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(box, open, close);
  const q = query.trim().toLowerCase();

  const set = (names: string[], on: boolean) => {
    const next = new Set(visible);
    for (const n of names) if (on) next.add(n);
    else next.delete(n);
    onChange([...next]);
  };

  return (
    <div className="popup-anchor" ref={box}>
      <button onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="column-chooser">
        Columns ({visible.size})
      </button>
      {open && (
        <div className="popup column-chooser" data-testid="column-chooser-panel">
          <div className="chooser-head">
            <input autoFocus placeholder="Find a field" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="column-search" />
            <button onClick={() => onChange([...defaultVisible])}>Defaults</button>
          </div>
          <div className="chooser-groups">
            {fieldsByGroup.map(({ group, fields }) => {
              const shown = fields.filter((f) => matches(f, q));
              if (!shown.length) return null;
              const on = shown.filter((f) => visible.has(f.name)).length;
              return (
                <section key={group} className="chooser-group">
                  <label className="chooser-group-title">
                    <input
                      type="checkbox"
                      checked={on === shown.length}
                      ref={(el) => {
                        if (el) el.indeterminate = on > 0 && on < shown.length;
                      }}
                      onChange={(e) => set(shown.map((f) => f.name), e.target.checked)}
                    />
                    {groupTitles[group]} <span className="muted">{on}/{shown.length}</span>
                  </label>
                  {shown.map((f) => (
                    <label key={f.name} className="chooser-field" title={f.description}>
                      <input type="checkbox" checked={visible.has(f.name)} onChange={(e) => set([f.name], e.target.checked)} data-field={f.name} />
                      <span className="chooser-label">{f.label}</span>
                      <code className="chooser-name">{f.name}</code>
                      <span className="chooser-desc">{f.description}</span>
                    </label>
                  ))}
                </section>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
