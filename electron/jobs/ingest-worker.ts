import { basename } from 'node:path';
import type { ResumePoint } from '../cases/evidence-store';
import { ingestFiles, resumeIngest, type IngestResult } from '../ingest/ingest-files';
import { ThreadCaseWriter } from './case-writer-thread';
import type { FlowEngineOptions } from '../flows/flow-engine';
import { runJob } from './job-worker';

export interface IngestJobInput {
  casePath: string;
  /** Files to import; ignored when `resume` is set. */
  files: string[];
  /** Resume this interrupted import instead (read again, committed flows skipped). */
  resume?: ResumePoint;
  engine?: Partial<FlowEngineOptions>;
  /** Who the audit trail names. */
  user: string;
  /** Recorded with each evidence file's import options (e.g. the Flowsight version). */
  recordOptions?: Record<string, unknown>;
  nativeBinding?: string;
}

// The ingest worker's writer thread is the case's one writer while it runs; the
// owner's connection keeps reading (WAL), so the UI never waits on an ingest.
runJob<IngestJobInput>(async (ctx) => {
  const { casePath, files, engine, nativeBinding, user, resume, recordOptions } = ctx.input;
  // Parsing runs here; SQLite writes run on a writer thread of their own.
  const writer = new ThreadCaseWriter({ casePath, nativeBinding, user });
  try {
    const opts = {
      engine,
      recordOptions,
      shouldStop: ctx.cancelled,
      onProgress: (p: { done: number; total: number; file: string; packets: number; flows: number }) =>
        ctx.progress(p.done, p.total, `${resume ? 'Resuming' : 'Reading'} ${basename(p.file)}`, { packets: p.packets, flows: p.flows }),
    };
    const r: IngestResult = resume ? await resumeIngest(writer, resume, opts) : await ingestFiles(writer, files, opts);
    if (r.cancelled) return null;
    const sum = (k: 'packets' | 'flows') => r.files.reduce((a, f) => a + f[k], 0);
    return {
      summary: { files: r.files.length, packets: sum('packets'), flows: sum('flows'), partial: r.files.filter((f) => f.status === 'partial').length },
      result: r,
    };
  } finally {
    await writer.close();
  }
});
