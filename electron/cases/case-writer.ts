import type { LearntName } from '../flows/name-map';
import { restoreFlowIndexes, suspendFlowIndexes } from './bulk-indexes';
import type { CaseDb } from './case-db';
import { addEvidence, deleteEvidence, finishEvidence, nextFlowId, type EvidenceResult } from './evidence-store';
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
  addEvidence(path: string, size: number): Promise<number>;
  /** The id for the next new flow (the writer is the case's only writer while it runs). */
  nextFlowId(): Promise<number>;
  /** Queues a batch; resolves when the writer has room for another. */
  writeFlows(batch: FlowBatch): Promise<void>;
  writeNames(evidenceId: number, baseSec: number, names: LearntName[]): void;
  writeComments(evidenceId: number, comments: PacketComment[]): void;
  finishEvidence(id: number, result: EvidenceResult): Promise<void>;
  deleteEvidence(id: number): Promise<void>;
  close(): Promise<void>;
}

export class DirectCaseWriter implements CaseWriter {
  private readonly flows: FlowWriter;

  constructor(private readonly db: CaseDb) {
    suspendFlowIndexes(db);
    this.flows = new FlowWriter(db);
  }

  async addEvidence(path: string, size: number): Promise<number> {
    return addEvidence(this.db, path, size);
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
  async finishEvidence(id: number, result: EvidenceResult): Promise<void> {
    finishEvidence(this.db, id, result);
  }
  async deleteEvidence(id: number): Promise<void> {
    deleteEvidence(this.db, id);
  }
  async close(): Promise<void> {
    restoreFlowIndexes(this.db);
  }
}
