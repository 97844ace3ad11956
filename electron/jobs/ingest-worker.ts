import { basename } from 'node:path';
import type { ImportFilter } from '../../shared/domain/import-filter';
import { openCaseDb } from '../cases/case-db';
import type { ResumePoint } from '../cases/evidence-store';
import { ingestFiles, resumeIngest, type IngestResult } from '../ingest/ingest-files';
import { labelImport } from '../labels/label-import';
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
  importFilter?: ImportFilter;
  /** Label every flow of the import (provenance `import`) once it is written. */
  label?: { name: string; author: string };
  /** Who the audit trail names. */
  user: string;
  /** Recorded with each evidence file's import options (e.g. the Flowsight version). */
  recordOptions?: Record<string, unknown>;
  nativeBinding?: string;
}

export interface IngestJobResult extends IngestResult {
  /** The act that labelled the import, when a label was given. */
  labelled: { batch: string; changed: number } | null;
}

// The ingest worker's writer thread is the case's one writer while it runs; the
// owner's connection keeps reading (WAL), so the UI never waits on an ingest.
runJob<IngestJobInput>(async (ctx) => {
  const { casePath, files, engine, importFilter, label, nativeBinding, user, resume, recordOptions } = ctx.input;
  // Parsing runs here; SQLite writes run on a writer thread of their own.
  const writer = new ThreadCaseWriter({ casePath, nativeBinding, user });
  let r: IngestResult;
  try {
    const opts = {
      engine,
      importFilter,
      recordOptions,
      shouldStop: ctx.cancelled,
      onProgress: (p: { done: number; total: number; file: string; packets: number; flows: number }) =>
        ctx.progress(p.done, p.total, `${resume ? 'Resuming' : 'Reading'} ${basename(p.file)}`, { packets: p.packets, flows: p.flows }),
    };
    r = resume ? await resumeIngest(writer, resume, opts) : await ingestFiles(writer, files, opts);
  } finally {
    await writer.close();
  }
  if (r.cancelled) return null;
  let labelled: IngestJobResult['labelled'] = null;
  if (label) {
    // After the writer thread has closed: this connection is then the only writer.
    const db = openCaseDb(casePath, { nativeBinding, user });
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
