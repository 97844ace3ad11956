import type { FlowRecord } from '../../../shared/fields';
import { formatCount } from '../../format/format-number';
import { formatSeconds, formatTime } from '../../format/format-time';
import { endpointText } from './flow-tuple';

interface Evidence {
  path: string;
  status: string;
}

type Row = [label: string, value: string | null, hint?: string];

function both(total: number | null, fwd: number | null, bwd: number | null): string {
  return `${formatCount(total ?? 0)}  (→ ${formatCount(fwd ?? 0)} · ← ${formatCount(bwd ?? 0)})`;
}

function joined(...parts: (string | number | null)[]): string | null {
  const kept = parts.filter((p) => p !== null && p !== '');
  return kept.length ? kept.join(' · ') : null;
}

function rows(f: FlowRecord, evidence: Evidence | null): Row[] {
  return [
    ['Source', joined(endpointText(f.src_ip, f.src_port, f.proto), f.src_name, f.src_mac), 'The side that sent the first packet: address, name from DNS, MAC'],
    ['Destination', joined(endpointText(f.dst_ip, f.dst_port, f.proto), f.dst_name, f.dst_mac)],
    ['Protocol', joined(f.proto, f.ip_version ? `IPv${f.ip_version}` : null, f.ip_proto !== null ? `IP proto ${f.ip_proto}` : null, f.vlan ? `VLAN ${f.vlan}` : null, f.tunnel ? `in ${f.tunnel}` : null)],
    ['First seen', f.first_ts === null ? null : `${formatTime(f.first_ts)} UTC`],
    ['Last seen', f.last_ts === null ? null : `${formatTime(f.last_ts)} UTC`],
    ['Duration', f.duration === null ? null : formatSeconds(f.duration)],
    ['Packets', both(f.packets, f.fwd_packets, f.bwd_packets), 'Both directions (→ from the source, ← from the destination)'],
    ['Bytes', both(f.bytes, f.fwd_bytes, f.bwd_bytes), 'Frame bytes on the wire'],
    ['Application', joined(f.app, f.app_category)],
    ['SNI', f.sni],
    ['HTTP', joined(f.http_method, f.http_host, f.http_user_agent)],
    ['DNS', joined(f.dns_query, f.dns_qtype !== null ? `type ${f.dns_qtype}` : null, f.dns_rcode !== null ? `rcode ${f.dns_rcode}` : null)],
    ['TLS', joined(f.tls_version, f.tls_cipher, f.alpn ? `ALPN ${f.alpn}` : null, f.alpn_server ? `→ ${f.alpn_server}` : null)],
    ['QUIC', f.quic_version],
    ['JA3', joined(f.ja3, f.ja3s ? `JA3S ${f.ja3s}` : null)],
    ['JA4', f.ja4],
    ['DHCP', joined(f.dhcp_hostname, f.dhcp_client_mac)],
    ['Conn state', joined(f.conn_state, f.history ? `history ${f.history}` : null), "Zeek's connection state and history"],
    ['Termination', f.termination],
    ['Label', joined(f.label, f.prediction ? `predicted ${f.prediction}` : null, f.confidence !== null ? `${(f.confidence * 100).toFixed(0)}%` : null)],
    ['Evidence', evidence ? `${evidence.path} (${evidence.status})` : null],
  ];
}

/** The facts an investigator reads first; rows without a value are left out. */
export function FlowSummary({ flow, evidence }: { flow: FlowRecord; evidence: Evidence | null }) {
  return (
    <section className="detail-section">
      <h3>Summary</h3>
      <dl className="field-list" data-testid="flow-summary">
        {rows(flow, evidence)
          .filter(([, v]) => v !== null && v !== '')
          .map(([label, value, hint]) => (
            <div className="field-row" key={label} title={hint}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
