import { parentPort, workerData } from 'node:worker_threads';
import { openCaseDb } from '../cases/case-db';
import { DirectCaseWriter } from '../cases/case-writer';
import type { WriterReply, WriterRequest, WriterStart } from './case-writer-protocol';

// The case's one writer during an ingest: it owns the write connection and runs
// the requests in arrival order, so SQLite work overlaps packet parsing.
const start = workerData as WriterStart;
const db = openCaseDb(start.casePath, { nativeBinding: start.nativeBinding });
const writer = new DirectCaseWriter(db, start.user);

parentPort!.on('message', async (m: WriterRequest) => {
  const reply = (r: WriterReply) => parentPort!.postMessage(r);
  try {
    switch (m.op) {
      case 'addEvidence':
        return reply({ id: m.id, ok: true, value: await writer.addEvidence(m.evidence) });
      case 'suspendResume':
        await writer.suspendResume(m.evidenceId);
        return reply({ id: m.id, ok: true });
      case 'claimResume':
        return reply({ id: m.id, ok: true, value: await writer.claimResume(m.evidenceId) });
      case 'nextFlowId':
        return reply({ id: m.id, ok: true, value: await writer.nextFlowId() });
      case 'flows':
        await writer.writeFlows(m.batch);
        return reply({ id: m.id, ok: true });
      case 'names':
        writer.writeNames(m.evidenceId, m.baseSec, m.names);
        return reply({ id: m.id, ok: true });
      case 'comments':
        writer.writeComments(m.evidenceId, m.comments);
        return reply({ id: m.id, ok: true });
      case 'finishEvidence':
        await writer.finishEvidence(m.evidenceId, m.result);
        return reply({ id: m.id, ok: true });
      case 'deleteEvidence':
        await writer.deleteEvidence(m.evidenceId, m.why);
        return reply({ id: m.id, ok: true });
      case 'close':
        await writer.close();
        db.close();
        reply({ id: m.id, ok: true });
        return parentPort!.close();
    }
  } catch (err) {
    reply({ id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
