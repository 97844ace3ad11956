import type { EvidenceResult, NewEvidence } from '../cases/evidence-store';
import type { FlowBatch } from '../cases/flow-batch';
import type { PacketComment } from '../cases/packet-comments';
import type { LearntName } from '../flows/name-map';

/** Requests to the case writer thread; every one is answered in order with `{id, ok, value | error}`. */
export type WriterRequest =
  | { id: number; op: 'addEvidence'; evidence: Omit<NewEvidence, 'user'> }
  | { id: number; op: 'claimResume'; evidenceId: number }
  | { id: number; op: 'suspendResume'; evidenceId: number }
  | { id: number; op: 'nextFlowId' }
  | { id: number; op: 'flows'; batch: FlowBatch }
  | { id: number; op: 'names'; evidenceId: number; baseSec: number; names: LearntName[] }
  | { id: number; op: 'comments'; evidenceId: number; comments: PacketComment[] }
  | { id: number; op: 'finishEvidence'; evidenceId: number; result: EvidenceResult }
  | { id: number; op: 'deleteEvidence'; evidenceId: number; why: 'cancel' | 'discard' }
  | { id: number; op: 'close' };

export type WriterReply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: string };

export interface WriterStart {
  casePath: string;
  /** Who the audit trail names for this import. */
  user: string;
  nativeBinding?: string;
}
