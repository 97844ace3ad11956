import { errorText } from '../../api/error-text';
import { useCall } from '../../api/use-call';
import { formatCount } from '../../format/format-number';
import { hexLines } from './hex-lines';

const LAYER_CLASS: Record<string, string> = { link: 'layer-link', ipv4: 'layer-ip', ipv6: 'layer-ip', tcp: 'layer-l4', udp: 'layer-l4', icmp: 'layer-l4', payload: 'layer-payload' };
const LAYER_NAME: Record<string, string> = { link: 'Link', ipv4: 'IPv4', ipv6: 'IPv6', tcp: 'TCP', udp: 'UDP', icmp: 'ICMP', payload: 'Payload' };


/** One packet's bytes: offset, 16 bytes in hex, ASCII; the layers in colour. Text nodes only. */
export function HexView({ flowId, number }: { flowId: number; number: number }) {
  const { data, error, loading } = useCall('flows.packetBytes', { id: flowId, number });
  if (error) return <div className="pane-note error-text">{errorText(error)}</div>;
  if (!data) return <div className="pane-note">{loading ? 'Reading the packet…' : ''}</div>;
  const lines = hexLines(data.hex, data.layers);
  return (
    <div className="hex-view" data-testid="hex-view">
      <div className="hex-head">
        <span>
          Packet {data.number} · {formatCount(data.length)} bytes on wire{data.captured < data.length ? `, ${formatCount(data.captured)} captured` : ''}
        </span>
        <span className="hex-legend">
          {[...data.layers].sort((a, b) => a[1] - b[1]).map(([name, off]) => (
            <span key={name} className={`hex-chip ${LAYER_CLASS[name] ?? ''}`} title={`starts at byte ${off}`}>
              {LAYER_NAME[name] ?? name} @{off}
            </span>
          ))}
        </span>
      </div>
      <div className="hex-dump" data-testid="hex-dump">
        {lines.map((l) => (
          <div className="hex-line" key={l.offset} data-testid="hex-line">
            <span className="hex-offset">{l.offset}</span>
            <span className="hex-bytes">
              {l.runs.map((r, i) => (
                <span key={i} className={r.layer ? LAYER_CLASS[r.layer] : undefined}>
                  {r.hex}
                </span>
              ))}
            </span>
            <span className="hex-ascii">
              {l.runs.map((r, i) => (
                <span key={i} className={r.layer ? LAYER_CLASS[r.layer] : undefined}>
                  {r.ascii}
                </span>
              ))}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
