export type View = 'flows' | 'statistics' | 'hosts' | 'findings' | 'anomalies' | 'training' | 'sessions' | 'capture' | 'case';

const VIEWS: { id: View; label: string }[] = [
  { id: 'flows', label: 'Flows' },
  { id: 'statistics', label: 'Statistics' },
  { id: 'hosts', label: 'Hosts' },
  { id: 'findings', label: 'Findings' },
  { id: 'anomalies', label: 'Anomalies' },
  { id: 'training', label: 'Training' },
  { id: 'sessions', label: 'Sessions' },
  { id: 'capture', label: 'Capture' },
  { id: 'case', label: 'Case' },
];

/** The app's views, as tabs in the header; a red dot on Capture while one runs. */
export function ViewSwitcher({ view, onChange, disabled, capturing }: { view: View; onChange: (v: View) => void; disabled: boolean; capturing: boolean }) {
  return (
    <nav className="view-switcher" role="tablist">
      {VIEWS.map((v) => (
        <button key={v.id} role="tab" aria-selected={view === v.id} className={view === v.id ? 'active' : ''} onClick={() => onChange(v.id)} disabled={disabled} data-testid={`view-${v.id}`}>
          {v.id === 'capture' && capturing && <span className="rec-dot small" aria-label="capturing" />}
          {v.label}
        </button>
      ))}
    </nav>
  );
}
