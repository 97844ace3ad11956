import type { DetectorInfo, FindingKind, Thresholds } from '../../../shared/domain/findings';

export type Overrides = Partial<Record<FindingKind, Thresholds>>;

interface Props {
  detectors: DetectorInfo[];
  overrides: Overrides;
  onChange: (o: Overrides) => void;
}

/** Every detector's definition and thresholds, editable; a changed value is marked and applies to the next run. */
export function ThresholdsPanel({ detectors, overrides, onChange }: Props) {
  const set = (kind: FindingKind, name: string, text: string, def: number) => {
    const next: Overrides = { ...overrides, [kind]: { ...(overrides[kind] ?? {}) } };
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v) || v === def) delete next[kind]![name];
    else next[kind]![name] = v;
    if (Object.keys(next[kind]!).length === 0) delete next[kind];
    onChange(next);
  };
  return (
    <div className="thresholds" data-testid="thresholds">
      {detectors.map((d) => (
        <section key={d.kind} className="detector">
          <h3>{d.title}</h3>
          <p className="muted">{d.description}</p>
          <div className="threshold-grid">
            {d.thresholds.map((t) => {
              const value = overrides[d.kind]?.[t.name];
              return (
                <label key={t.name} title={t.description} className={value !== undefined ? 'changed' : ''}>
                  <code>{t.name}</code>
                  <input type="number" step="any" min={0} value={value ?? t.value} onChange={(e) => set(d.kind, t.name, e.target.value, t.value)} data-testid={`threshold-${d.kind}-${t.name}`} />
                  <span className="muted">{t.description}</span>
                </label>
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}
