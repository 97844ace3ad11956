import { basename } from 'node:path';
import type { ImportFilter } from '../../shared/domain/import-filter';
import { openCaseDb } from '../cases/case-db';
import { ingestFiles, type IngestResult } from '../ingest/ingest-files';
import { labelImport } from '../labels/label-import';
import { ThreadCaseWriter } from './case-writer-thread';
import type { FlowEngineOptions } from '../flows/flow-engine';
import { runJob } from './job-worker';

export interface IngestJobInput {
  casePath: string;
  files: string[];
  engine?: Partial<FlowEngineOptions>;
  importFilter?: ImportFilter;
  /** Label every flow of the import (provenance `import`) once it is written. */
  label?: { name: string; author: string };
  nativeBinding?: string;
}

export interface IngestJobResult extends IngestResult {
  /** The act that labelled the import, when a label was given. */
  labelled: { batch: string; changed: number } | null;
}

// The ingest worker's writer thread is the case's one writer while it runs; the
// owner's connection keeps reading (WAL), so the UI never waits on an ingest.
runJob<IngestJobInput>(async (ctx) => {
  const { casePath, files, engine, importFilter, label, nativeBinding } = ctx.input;
  // Parsing runs here; SQLite writes run on a writer thread of their own.
  const writer = new ThreadCaseWriter({ casePath, nativeBinding });
  let r: IngestResult;
  try {
    r = await ingestFiles(writer, files, {
      engine,
      importFilter,
      shouldStop: ctx.cancelled,
      onProgress: (p) => ctx.progress(p.done, p.total, `Reading ${basename(p.file)}`, { packets: p.packets, flows: p.flows }),
    });
  } finally {
    await writer.close();
  }
  if (r.cancelled) return null;
  let labelled: IngestJobResult['labelled'] = null;
  if (label) {
    // After the writer thread has closed: this connection is then the only writer.
    const db = openCaseDb(casePath, { nativeBinding });
    try {
      labelled = labelImport(db, r.files, label.name, label.author);
    } finally {
      db.close();
    }
  }
  const sum = (k: 'packets' | 'flows') => r.files.reduce((a, f) => a + f[k], 0);
  const result: IngestJobResult = { ...r, labelled };
  return {
    summary: { files: r.files.length, packets: sum('packets'), flows: sum('flows'), partial: r.files.filter((f) => f.status === 'partial').length, labelled: labelled?.changed ?? 0 },
    result,
  };
});
