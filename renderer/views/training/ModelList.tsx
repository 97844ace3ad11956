import type { ModelSummary } from '../../../shared/domain/model';

const f1 = (x: number | null) => (x === null ? '—' : x.toFixed(3));

interface Props {
  models: ModelSummary[] | null;
  selected: number | null;
  onSelect: (id: number) => void;
}

/** The case's models, newest first, with both evaluations' macro-F1; the one whose predictions the flows hold is marked. */
export function ModelList({ models, selected, onSelect }: Props) {
  return (
    <section className="panel model-list" data-testid="model-list">
      <div className="panel-head">
        <strong>Models</strong>
      </div>
      <div className="model-list-body">
        {models === null ? (
          <div className="pane-note">Loading…</div>
        ) : models.length === 0 ? (
          <div className="pane-note">No model yet: label flows, then train.</div>
        ) : (
          <table className="mini-table">
            <thead>
              <tr>
                <th>Model</th>
                <th title="Stratified k-fold macro-F1">Strat. F1</th>
                <th title="Macro-F1 with whole captures held out">Grouped F1</th>
              </tr>
            </thead>
            <tbody>
              {models.map((m) => (
                <tr key={m.id} className={`clickable ${m.id === selected ? 'selected' : ''}`} title={`${m.algorithm} · ${m.level} level · ${m.trainingSet.flows.toLocaleString('en-US')} flows · ${m.createdAt}`} onClick={() => onSelect(m.id)} data-testid={`model-${m.id}`}>
                  <th>
                    {m.name} v{m.version}
                    {m.applied && <span className="badge" title="The flows hold this model's predictions">applied</span>}
                  </th>
                  <td>{f1(m.stratifiedMacroF1)}</td>
                  <td>{f1(m.groupedMacroF1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
