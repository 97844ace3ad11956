import { PcapWriter } from '../../electron/capture/pcap-writer';
import { FrameBuilder } from './frame-builder';

/** What the generator knows about one flow it wrote: the truth the profiles are checked against. */
export interface FlowTruth {
  name: string;
  /** Who the two ends are, by construction (a host name, or null for a remote server or broadcast). */
  clientHost: string | null;
  serverHost: string | null;
  clientIp: string;
  serverIp: string;
  proto: 'tcp' | 'udp';
  clientPort: number;
  serverPort: number;
  first: number;
  last: number;
  fwdPackets: number;
  bwdPackets: number;
  fwdBytes: number;
  bwdBytes: number;
  /** Every packet: time, frame length, sent by the client. */
  packets: { ts: number; len: number; fromClient: boolean }[];
}

/**
 * Collects packets of hand-scripted conversations with their truth, then
 * writes them to a pcap in time order. Scenarios are small (thousands of
 * packets), so holding them is fine and keeps each conversation's script a
 * straight line of code.
 */
export class ScenarioRecorder {
  readonly fb = new FrameBuilder();
  readonly flows = new Map<string, FlowTruth>();
  private packets: { ts: number; frame: Uint8Array; seq: number }[] = [];

  flow(name: string, t: Omit<FlowTruth, 'name' | 'first' | 'last' | 'fwdPackets' | 'bwdPackets' | 'fwdBytes' | 'bwdBytes' | 'packets'>): FlowTruth {
    const f: FlowTruth = { ...t, name, first: Infinity, last: -Infinity, fwdPackets: 0, bwdPackets: 0, fwdBytes: 0, bwdBytes: 0, packets: [] };
    this.flows.set(name, f);
    return f;
  }

  /** Records the frame the builder just built (length `len`) as a packet of `flow`. */
  emit(flow: FlowTruth, fromClient: boolean, ts: number, len: number): void {
    this.packets.push({ ts, frame: this.fb.buf.slice(0, len), seq: this.packets.length });
    flow.first = Math.min(flow.first, ts);
    flow.last = Math.max(flow.last, ts);
    flow.packets.push({ ts, len, fromClient });
    if (fromClient) {
      flow.fwdPackets++;
      flow.fwdBytes += len;
    } else {
      flow.bwdPackets++;
      flow.bwdBytes += len;
    }
  }

  write(path: string): number {
    this.packets.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
    const w = new PcapWriter(path);
    for (const p of this.packets) w.write(p.ts, p.frame, p.frame.length);
    w.close();
    return this.packets.length;
  }
}
