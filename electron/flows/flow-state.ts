import { PacketIndexWriter } from './packet-index';

/**
 * One bidirectional flow while it is active. Instances are pooled by the flow
 * table, so a finished flow's object is reused for a later one; per-feature state
 * lives in `ext`, created once per pooled object by each feature plugin.
 *
 * The key is canonical (endpoint A sorts before endpoint B) so both directions
 * hash alike; `srcIsA` remembers which endpoint is the flow's source.
 */
export class FlowState {
  /** The pooled object holds TCP flows (true) or other flows (false) only; see FlowFeature.create. */
  constructor(readonly tcpClass = false) {}

  slot = -1;
  /** The flow's id in the case (given at its first packet), 0 when the caller does not number flows. */
  id = 0;
  /** Changed since it was last written (live capture writes growing flows). */
  dirty = false;
  // Canonical key.
  ipVersion = 0;
  proto = 0;
  vlan = 0;
  a0 = 0; a1 = 0; a2 = 0; a3 = 0;
  b0 = 0; b1 = 0; b2 = 0; b3 = 0;
  portA = 0;
  portB = 0;
  /** The flow's source (first sender, or SYN sender) is endpoint A. */
  srcIsA = true;
  /** Ports as shown for the flow (for ICMP: type/code of the first message). */
  srcPortShown = 0;
  dstPortShown = 0;

  evidenceId = 0;
  firstTs = 0;
  lastTs = 0;
  fwdPackets = 0;
  bwdPackets = 0;
  fwdBytes = 0;
  bwdBytes = 0;
  lastFwdTs = 0;
  lastBwdTs = 0;
  /** Why the flow ended: fin, rst, idle, active or end_of_capture. */
  termination = '';
  /** The TCP connection ended (FIN both ways and ACKed, or RST); late packets still join it. */
  closing = false;
  /** ICMP errors quoting this flow's packets. */
  icmpErrors = 0;
  // TCP lifecycle: the originator's SYN, and each side's FIN (the ACK value that covers it).
  synSeen = false;
  isn = 0;
  finSeen = 0;
  finAcked = 0;
  finEndFwd = 0;
  finEndBwd = 0;

  /** Where the flow's packets are in its evidence file (stored with the flow). */
  readonly packetIndex = new PacketIndexWriter();

  /** Per-feature state, indexed like the engine's feature list. */
  readonly ext: unknown[] = [];

  get packets(): number {
    return this.fwdPackets + this.bwdPackets;
  }
}
