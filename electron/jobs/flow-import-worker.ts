import { basename } from 'node:path';
import type { FlowLogMapping, FlowLogPreset } from '../../shared/domain/flow-log';
import { openCaseDb } from '../cases/case-db';
import { importFlowLog } from '../flowlog/flow-log-import';
import { runJob } from './job-worker';

export interface FlowImportJobInput {
  casePath: string;
  path: string;
  preset?: FlowLogPreset;
  mapping?: FlowLogMapping;
  nativeBinding?: string;
}

// The import is the case's one writer while it runs (a connection of its own;
// the UI keeps reading through WAL).
runJob<FlowImportJobInput>(async (ctx) => {
  const { casePath, path, preset, mapping, nativeBinding } = ctx.input;
  const db = openCaseDb(casePath, { nativeBinding });
  try {
    const r = await importFlowLog(db, path, {
      preset,
      mapping,
      shouldStop: ctx.cancelled,
      onProgress: (done, total, flows, bad) => ctx.progress(done, total, `Importing ${basename(path)}`, { flows, 'bad rows': bad }),
    });
    if (!r) return null;
    return { summary: { flows: r.flows, 'bad rows': r.badRows, labelled: r.labelled }, result: r };
  } finally {
    db.close();
  }
});
