/** A flow the scenario generator planted, by its 5-tuple (source ports are unique per planted flow). */
export interface PlantedFlow {
  proto: 'tcp' | 'udp';
  src_ip: string;
  src_port: number;
  dst_ip: string;
  dst_port: number;
}

/** What a detector must report for one planted behaviour: the truth a test compares findings with. */
export interface PlantedFinding {
  kind: string;
  src_ip: string | null;
  dst_ip: string | null;
  dst_port: number | null;
  /** The number the detector's threshold applies to (ports, hosts, SYNs, retransmissions, duplicates, resets, connections). */
  count: number;
  flows: PlantedFlow[];
}
