import type { FlowRecord } from '../../../shared/fields';
import { flowField } from '../../../shared/fields';
import { formatCount } from '../../format/format-number';

/** Wireshark's tcp.analysis counters; each has a total, a _fwd and a _bwd field in the registry. */
const COUNTERS = ['retransmissions', 'fast_retransmissions', 'spurious_retransmissions', 'out_of_order', 'dup_acks', 'lost_segments', 'zero_windows', 'window_full', 'keep_alives', 'resets'] as const;

function value(f: FlowRecord, name: string): number {
  return ((f as Record<string, unknown>)[name] as number | null) ?? 0;
}

/** TCP analysis per direction, non-zero counts emphasised. */
export function TcpAnalysisTable({ flow }: { flow: FlowRecord }) {
  return (
    <section className="detail-section">
      <h3>TCP analysis</h3>
      <table className="mini-table" data-testid="tcp-analysis">
        <thead>
          <tr>
            <th />
            <th>Total</th>
            <th title="From the source">→</th>
            <th title="From the destination">←</th>
          </tr>
        </thead>
        <tbody>
          {COUNTERS.map((c) => {
            const total = value(flow, c);
            return (
              <tr key={c} className={total > 0 ? 'nonzero' : ''} title={flowField(c)?.description}>
                <th>{flowField(c)?.label ?? c}</th>
                <td>{formatCount(total)}</td>
                <td>{formatCount(value(flow, `fwd_${c}`))}</td>
                <td>{formatCount(value(flow, `bwd_${c}`))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
