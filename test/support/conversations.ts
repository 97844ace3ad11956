import { endpoint } from './tshark';

export interface FlowTotals {
  frames: number;
  bytes: number;
  /** Frames and bytes sent by the endpoint that sorts first in the key. */
  framesFromLow: number;
}

export interface FlowLike {
  proto: string;
  src_ip: string;
  src_port: number;
  dst_ip: string;
  dst_port: number;
  packets: number;
  bytes: number;
  fwd_packets: number;
  bwd_packets: number;
}

/** A direction-free key for one TCP/UDP 5-tuple, as tshark's conversation tables group packets. */
export function convKey(proto: string, a: string, b: string): string {
  return `${proto} ${[a, b].sort().join(' ')}`;
}

/**
 * Sums flows per 5-tuple: tshark's conversation tables have no timeouts, so a
 * 5-tuple that Flowsight split into several flows (idle/active timeout, a new
 * connection after FIN) is compared as the sum of its flows.
 */
export function flowTotals(flows: FlowLike[]): Map<string, FlowTotals> {
  const m = new Map<string, FlowTotals>();
  for (const f of flows) {
    if (f.proto !== 'tcp' && f.proto !== 'udp') continue;
    const a = endpoint(f.src_ip, f.src_port);
    const b = endpoint(f.dst_ip, f.dst_port);
    const key = convKey(f.proto, a, b);
    const t = m.get(key) ?? { frames: 0, bytes: 0, framesFromLow: 0 };
    t.frames += f.packets;
    t.bytes += f.bytes;
    t.framesFromLow += a <= b ? f.fwd_packets : f.bwd_packets;
    m.set(key, t);
  }
  return m;
}
