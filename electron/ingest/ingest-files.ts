import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readCaptureFile, sniffCaptureFile } from '../capture/capture-file';
import type { CaseDb } from '../cases/case-db';
import { addEvidence, deleteEvidence, finishEvidence } from '../cases/evidence-store';
import { FlowWriter } from '../cases/flow-writer';
import { storeNames } from '../cases/name-store';
import { FlowEngine, defaultEngineOptions, type FlowEngineOptions } from '../flows/flow-engine';
import { columnOf } from '../flows/flow-row';

const FIRST_TS = columnOf('first_ts');
const LAST_TS = columnOf('last_ts');

export interface IngestProgress {
  /** Bytes of input consumed over all files, and their total size. */
  done: number;
  total: number;
  file: string;
  packets: number;
  /** Flows seen so far in this file (active and finished). */
  flows: number;
}

export interface IngestFileResult {
  path: string;
  evidenceId: number;
  status: 'complete' | 'partial';
  packets: number;
  skipped: Record<string, number>;
  flows: number;
  problem: string | null;
}

export interface IngestResult {
  cancelled: boolean;
  files: IngestFileResult[];
}

export interface IngestOptions {
  engine?: Partial<FlowEngineOptions>;
  onProgress?: (p: IngestProgress) => void;
  /** Polled between chunks; true stops the ingest and rolls back what it wrote. */
  shouldStop?: () => boolean;
}

/**
 * Reads capture files into the case: each file becomes an evidence row, its
 * flows are written in one batch per chunk read. A cancelled ingest removes what
 * it wrote, so the case is as it was.
 */
export async function ingestFiles(db: CaseDb, paths: string[], opts: IngestOptions = {}): Promise<IngestResult> {
  const files = paths.map((p) => resolve(p));
  // Refuse non-captures before writing anything: one clear reason, nothing half-done.
  for (const f of files) sniffCaptureFile(f);
  const sizes = files.map((f) => statSync(f).size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const writer = new FlowWriter(db);
  const shouldStop = opts.shouldStop ?? (() => false);
  const result: IngestResult = { cancelled: false, files: [] };
  const written: number[] = [];
  let doneBefore = 0;

  for (let i = 0; i < files.length; i++) {
    const path = files[i];
    const evidenceId = addEvidence(db, path, sizes[i]);
    written.push(evidenceId);
    const engine = new FlowEngine({ ...defaultEngineOptions, ...opts.engine });
    engine.setEvidence(evidenceId);
    let firstTs = Infinity;
    let lastTs = -Infinity;
    let flows = 0;
    const flush = () => {
      const batch = engine.takeFinished();
      const rows = batch.map((f) => {
        const row = engine.toRow(f);
        const first = row[FIRST_TS] as number;
        const last = row[LAST_TS] as number;
        if (first < firstTs) firstTs = first;
        if (last > lastTs) lastTs = last;
        return row;
      });
      writer.write(evidenceId, rows);
      engine.release(batch);
      storeNames(db, evidenceId, engine.timeBase, engine.names.takeFresh());
      flows += rows.length;
    };
    let consumed = () => 0;
    let stopped = false;
    const { stats } = await readCaptureFile(path, engine.onPacket, {
      onSource: (s) => (consumed = () => s.consumed),
      shouldStop: () => {
        flush();
        opts.onProgress?.({ done: doneBefore + consumed(), total, file: path, packets: engine.counters.packets, flows: engine.counters.flows });
        stopped = shouldStop();
        return stopped;
      },
    });
    if (stopped) {
      for (const id of written) deleteEvidence(db, id);
      return { cancelled: true, files: [] };
    }
    engine.finishAll();
    flush();
    doneBefore += sizes[i];
    opts.onProgress?.({ done: doneBefore, total, file: path, packets: engine.counters.packets, flows: engine.counters.flows });

    const skipped = new Map(stats.skipped);
    for (const [reason, n] of engine.counters.skipped) skipped.set(reason, (skipped.get(reason) ?? 0) + n);
    const skippedTotal = [...skipped.values()].reduce((a, b) => a + b, 0);
    const status = stats.partial ? 'partial' : 'complete';
    finishEvidence(db, evidenceId, {
      format: stats.format,
      status,
      packets: stats.packets,
      skipped: skippedTotal,
      flows,
      firstTs: flows > 0 ? firstTs : null,
      lastTs: flows > 0 ? lastTs : null,
      problems: stats.problem ? [stats.problem] : [],
    });
    result.files.push({
      path,
      evidenceId,
      status,
      packets: stats.packets,
      skipped: Object.fromEntries(skipped),
      flows,
      problem: stats.problem,
    });
  }
  return result;
}
