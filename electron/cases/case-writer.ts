import type { LearntName } from '../flows/name-map';
import { restoreFlowIndexes, suspendFlowIndexes } from './bulk-indexes';
import type { CaseDb } from './case-db';
import { currentUser } from './case-user';
import { addEvidence, claimResume, suspendResume, deleteEvidence, finishEvidence, nextFlowId, type EvidenceResult, type NewEvidence } from './evidence-store';
import type { FlowBatch } from './flow-batch';
import { FlowWriter } from './flow-writer';
import { storeNames } from './name-store';
import { storePacketComments, type PacketComment } from './packet-comments';

/**
 * Everything an import writes to a case. Ingest talks to this interface, so the
 * writes can run on this thread (DirectCaseWriter) or on a writer thread in
 * parallel with packet parsing (ThreadCaseWriter).
 */
export interface CaseWriter {
  addEvidence(e: Omit<NewEvidence, 'user'>): Promise<number>;
  /** Takes over an interrupted import; resolves with the ids of the flows it committed. */
  claimResume(evidenceId: number): Promise<number[]>;
  /** The id for the next new flow (the writer is the case's only writer while it runs). */
  nextFlowId(): Promise<number>;
  /** Queues a batch; resolves when the writer has room for another. */
  writeFlows(batch: FlowBatch): Promise<void>;
  writeNames(evidenceId: number, baseSec: number, names: LearntName[]): void;
  writeComments(evidenceId: number, comments: PacketComment[]): void;
  finishEvidence(id: number, result: EvidenceResult): Promise<void>;
  /** A cancelled resume: the import is interrupted again, its committed flows kept. */
  suspendResume(evidenceId: number): Promise<void>;
  /** Rolls an import back (a cancel), or discards an interrupted one. */
  deleteEvidence(id: number, why?: 'cancel' | 'discard'): Promise<void>;
  close(): Promise<void>;
}

export class DirectCaseWriter implements CaseWriter {
  private readonly flows: FlowWriter;

  /** `user` is who the audit trail names for this import's entries. */
  constructor(
    private readonly db: CaseDb,
    /** Who the audit trail names for the imports (default: the OS account). */
    private readonly user: string = currentUser(),
    /** Flows are written again as they grow (a live capture; see FlowWriter). */
    opts: { growing?: boolean } = {},
  ) {
    // An import appends: its pages are written once and rarely read again, so a
    // 4 MB page cache (SQLite's build default is 16 MB) writes as fast, and the
    // index builds at the end sort in the same bound before spilling to disk.
    db.pragma('cache_size = -4000');
    suspendFlowIndexes(db);
    this.flows = new FlowWriter(db, opts);
  }

  async addEvidence(e: Omit<NewEvidence, 'user'>): Promise<number> {
    return addEvidence(this.db, { ...e, user: this.user });
  }
  async claimResume(evidenceId: number): Promise<number[]> {
    return claimResume(this.db, evidenceId, this.user);
  }
  async nextFlowId(): Promise<number> {
    return nextFlowId(this.db);
  }
  async writeFlows(batch: FlowBatch): Promise<void> {
    this.flows.writePacked(batch);
  }
  writeNames(evidenceId: number, baseSec: number, names: LearntName[]): void {
    storeNames(this.db, evidenceId, baseSec, names);
  }
  writeComments(evidenceId: number, comments: PacketComment[]): void {
    storePacketComments(this.db, evidenceId, comments);
  }
  async suspendResume(evidenceId: number): Promise<void> {
    suspendResume(this.db, evidenceId, this.user);
  }
  async finishEvidence(id: number, result: EvidenceResult): Promise<void> {
    finishEvidence(this.db, id, result, this.user);
  }
  async deleteEvidence(id: number, why: 'cancel' | 'discard' = 'cancel'): Promise<void> {
    deleteEvidence(this.db, id, this.user, why);
  }
  async close(): Promise<void> {
    restoreFlowIndexes(this.db);
  }
}
