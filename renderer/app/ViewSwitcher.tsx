export type View = 'flows' | 'statistics' | 'training';

const VIEWS: { id: View; label: string }[] = [
  { id: 'flows', label: 'Flows' },
  { id: 'statistics', label: 'Statistics' },
  { id: 'training', label: 'Training' },
];

/** The app's views, as tabs in the header. */
export function ViewSwitcher({ view, onChange, disabled }: { view: View; onChange: (v: View) => void; disabled: boolean }) {
  return (
    <nav className="view-switcher" role="tablist">
      {VIEWS.map((v) => (
        <button key={v.id} role="tab" aria-selected={view === v.id} className={view === v.id ? 'active' : ''} onClick={() => onChange(v.id)} disabled={disabled} data-testid={`view-${v.id}`}>
          {v.label}
        </button>
      ))}
    </nav>
  );
}
