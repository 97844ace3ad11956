/** The most important features (gain, summing to 1 over all), as bars against the largest. */
export function FeatureImportance({ names, importance, top = 20 }: { names: readonly string[]; importance: readonly number[]; top?: number }) {
  const ranked = names.map((n, i) => [n, importance[i]] as const).sort((a, b) => b[1] - a[1]).slice(0, top);
  const max = ranked[0]?.[1] || 1;
  return (
    <div className="importance" data-testid="feature-importance">
      {ranked.map(([n, v]) => (
        <div className="importance-row" key={n}>
          <span className="importance-name" title={n}>
            {n}
          </span>
          <div className="importance-bar">
            <div style={{ width: `${(100 * v) / max}%` }} />
          </div>
          <span className="importance-value">{(100 * v).toFixed(1)}%</span>
        </div>
      ))}
    </div>
  );
}
