import { basename } from 'node:path';
import { ingestFiles, type IngestResult } from '../ingest/ingest-files';
import { ThreadCaseWriter } from './case-writer-thread';
import type { FlowEngineOptions } from '../flows/flow-engine';
import { runJob } from './job-worker';

export interface IngestJobInput {
  casePath: string;
  files: string[];
  engine?: Partial<FlowEngineOptions>;
  nativeBinding?: string;
}

// The ingest worker's writer thread is the case's one writer while it runs; the
// owner's connection keeps reading (WAL), so the UI never waits on an ingest.
runJob<IngestJobInput>(async (ctx) => {
  const { casePath, files, engine, nativeBinding } = ctx.input;
  // Parsing runs here; SQLite writes run on a writer thread of their own.
  const writer = new ThreadCaseWriter({ casePath, nativeBinding });
  try {
    const r: IngestResult = await ingestFiles(writer, files, {
      engine,
      shouldStop: ctx.cancelled,
      onProgress: (p) => ctx.progress(p.done, p.total, `Reading ${basename(p.file)}`, { packets: p.packets, flows: p.flows }),
    });
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
