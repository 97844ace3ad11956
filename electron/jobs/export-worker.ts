import { createWriteStream } from 'node:fs';
import { openCaseDb } from '../cases/case-db';
import { trustVerdicts, type EvidenceVerdict } from '../cases/evidence-guard';
import { iterateFlows } from '../cases/flow-reader';
import { writeFlows } from '../cli/flow-output';
import { exportPackets } from '../investigate/export-packets';
import { iterateDataset, writeDataset } from '../labels/dataset-output';
import type { FlowSelection } from '../investigate/flow-selection';
import { runJob } from './job-worker';

export interface ExportJobInput {
  casePath: string;
  /** The case is open read-only: open it immutable (nothing written beside it). */
  immutable: boolean;
  /** The session's evidence verdicts, so a changed file is refused without hashing it again. */
  verdicts: EvidenceVerdict[];
  selection: FlowSelection;
  format: 'csv' | 'jsonl' | 'pcapng' | 'dataset-csv' | 'dataset-jsonl';
  out: string;
  nativeBinding?: string;
}

// Exports read the case (WAL: alongside anything else) and write one file.
runJob<ExportJobInput>(async (ctx): Promise<{ summary: Record<string, number>; result: { out: string } }> => {
  const { casePath, selection, format, out, nativeBinding, immutable, verdicts } = ctx.input;
  const db = openCaseDb(casePath, { readOnly: true, immutable, nativeBinding });
  trustVerdicts(db, verdicts);
  try {
    if (format === 'pcapng') {
      const r = await exportPackets(db, selection, out, (done, total) => ctx.progress(done, total, 'Writing packets', { packets: done }));
      return { summary: { flows: r.flows, packets: r.packets, bytes: r.bytes }, result: { out } };
    }
    const stream = createWriteStream(out);
    const n =
      format === 'dataset-csv' || format === 'dataset-jsonl'
        ? await writeDataset(stream, iterateDataset(db, selection), format === 'dataset-csv' ? 'csv' : 'jsonl')
        : await writeFlows(stream, iterateFlows(db, { selection }), format);
    await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
    ctx.progress(n, n, 'Written', { flows: n });
    return { summary: { flows: n }, result: { out } };
  } finally {
    db.close();
  }
});
