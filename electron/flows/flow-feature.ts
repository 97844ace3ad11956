import type { PacketRecord } from '../capture/packet-record';
import type { DecodedPacket } from '../dissect/decoded-packet';
import type { FlowState } from './flow-state';
import type { RowWriter } from './flow-row';

/**
 * A per-flow feature as a plugin with lifecycle hooks (NFStream's on_init,
 * on_update, on_expire). A new feature is a new file registered in the engine's
 * feature list, never an edit to the packet loop.
 */
export interface FlowFeature<S> {
  readonly name: string;
  /**
   * Builds this feature's state for a new pooled flow object (once per object).
   * A pooled object only ever holds TCP flows, or only other flows (`tcp`), so
   * state that only TCP needs is not built for the UDP flows that make up most of
   * the active flows of a typical capture (DNS waiting out its idle timeout).
   */
  create(tcp: boolean): S;
  /** Resets the state for a new flow; `p` is its first packet. */
  init(s: S, f: FlowState, p: DecodedPacket, rec: PacketRecord, ts: number): void;
  /** Called for every packet of the flow, the first included, after the core counters (omit when emit-only). */
  update?(s: S, f: FlowState, p: DecodedPacket, rec: PacketRecord, ts: number, fwd: boolean): void;
  /** Writes this feature's columns when the flow ends. */
  emit(s: S, f: FlowState, row: RowWriter): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFlowFeature = FlowFeature<any>;
