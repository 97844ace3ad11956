import { useCall } from '../../api/use-call';

const LIMIT = 15;

/**
 * Active learning: the unlabelled flows the applied model is least sure of,
 * least sure first. Labelling these teaches the next model the most.
 */
export function LabelNext({ onShow }: { onShow: (filter: string) => void }) {
  const next = useCall('models.labelNext', { limit: LIMIT });
  const flows = next.data?.flows ?? [];
  return (
    <section className="panel label-next" data-testid="label-next">
      <div className="panel-head">
        <strong>Label next</strong>
        <span className="muted">least sure first</span>
        <span className="spacer" />
        <button disabled={flows.length === 0} onClick={() => onShow(`id in {${flows.map((f) => f.id).join(' ')}}`)} data-testid="label-next-show">
          Show in flows
        </button>
      </div>
      <div className="model-list-body">
        {next.data && flows.length === 0 ? (
          <div className="pane-note">{next.data.modelId === null ? 'Apply a model to flows to see which unlabelled flows it is least sure of.' : 'Every predicted flow is labelled.'}</div>
        ) : (
          <table className="mini-table">
            <thead>
              <tr>
                <th>Flow</th>
                <th>Prediction</th>
                <th>Conf.</th>
              </tr>
            </thead>
            <tbody>
              {flows.map((f) => (
                <tr key={f.id} title={`${f.proto} ${f.src_ip}:${f.src_port} → ${f.dst_ip}:${f.dst_port}${f.sni ? ` (${f.sni})` : ''}`}>
                  <th>
                    {f.proto} → {f.dst_ip}:{f.dst_port}
                  </th>
                  <td>{f.prediction}</td>
                  <td>{f.confidence.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
