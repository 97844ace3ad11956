import type { FlowRecord } from '../../../shared/fields';

/** An address and port as Wireshark writes them: IPv6 in brackets; ICMP has no ports. */
export function endpointText(ip: string | null, port: number | null, proto: string | null): string {
  const addr = ip ?? '?';
  if (port === null || (proto !== 'tcp' && proto !== 'udp')) return addr;
  return addr.includes(':') ? `[${addr}]:${port}` : `${addr}:${port}`;
}

/** "TCP 10.0.0.1:1234 → 10.0.0.2:80": the flow's 5-tuple, source first. */
export function tupleText(f: FlowRecord): string {
  return `${(f.proto ?? '?').toUpperCase()} ${endpointText(f.src_ip, f.src_port, f.proto)} → ${endpointText(f.dst_ip, f.dst_port, f.proto)}`;
}
