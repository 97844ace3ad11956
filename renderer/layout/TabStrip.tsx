export interface Tab<T extends string> {
  id: T;
  label: string;
}

/** A row of tabs; the parent renders the active one's content. */
export function TabStrip<T extends string>({ tabs, active, onChange, testId }: { tabs: Tab<T>[]; active: T; onChange: (id: T) => void; testId?: string }) {
  return (
    <div className="tab-strip" role="tablist" data-testid={testId}>
      {tabs.map((t) => (
        <button key={t.id} role="tab" aria-selected={t.id === active} className={t.id === active ? 'tab active' : 'tab'} onClick={() => onChange(t.id)} data-testid={`tab-${t.id}`}>
          {t.label}
        </button>
      ))}
    </div>
  );
}
