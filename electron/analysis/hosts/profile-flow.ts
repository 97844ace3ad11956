/** The columns profiles read from each flow (pass 2), with its packet index when it has one. */
export interface ProfileFlow {
  id: number;
  evidence_id: number;
  proto: string | null;
  src_ip: string | null;
  dst_ip: string | null;
  src_port: number | null;
  dst_port: number | null;
  src_mac: string | null;
  dst_mac: string | null;
  first_ts: number | null;
  last_ts: number | null;
  packets: number | null;
  bytes: number | null;
  fwd_packets: number | null;
  bwd_packets: number | null;
  fwd_bytes: number | null;
  bwd_bytes: number | null;
  app: string | null;
  app_category: string | null;
  dst_name: string | null;
  src_name: string | null;
  idx: Buffer | null;
}

export const profileFlowColumns = 'f.id, f.evidence_id, f.proto, f.src_ip, f.dst_ip, f.src_port, f.dst_port, f.src_mac, f.dst_mac, f.first_ts, f.last_ts, f.packets, f.bytes, f.fwd_packets, f.bwd_packets, f.fwd_bytes, f.bwd_bytes, f.app, f.app_category, f.dst_name, f.src_name';

/** Which end of a flow a host is, or the whole case (which sees each flow once, from its source). */
export type Side = 'src' | 'dst' | 'case';
