import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readCaptureFile, sniffCaptureFile } from '../capture/capture-file';
import type { PacketRecord } from '../capture/packet-record';
import type { CaseWriter } from '../cases/case-writer';
import type { PacketComment } from '../cases/packet-comments';
import { appendRow, newBatch, type FlowBatch } from '../cases/flow-batch';
import { FlowEngine, defaultEngineOptions, type FlowEngineOptions } from '../flows/flow-engine';
import { PacketFilter } from '../flows/packet-filter';
import { isEmptyImportFilter, type ImportFilter } from '../../shared/domain/import-filter';
import { columnOf, newRow } from '../flows/flow-row';

const FIRST_TS = columnOf('first_ts');
const LAST_TS = columnOf('last_ts');
const BATCH_ROWS = 4096;

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
  /** Packets to leave out as they are read; recorded with each evidence row. */
  importFilter?: ImportFilter;
  onProgress?: (p: IngestProgress) => void;
  /** Polled between chunks; true stops the ingest and rolls back what it wrote. */
  shouldStop?: () => boolean;
}

/**
 * Reads capture files into a case: each file becomes an evidence row; its
 * finished flows are packed into batches that the writer stores while parsing
 * goes on. A cancelled ingest removes what it wrote, so the case is as it was.
 */
export async function ingestFiles(writer: CaseWriter, paths: string[], opts: IngestOptions = {}): Promise<IngestResult> {
  const files = paths.map((p) => resolve(p));
  // Refuse non-captures before writing anything: one clear reason, nothing half-done.
  for (const f of files) sniffCaptureFile(f);
  const sizes = files.map((f) => statSync(f).size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const shouldStop = opts.shouldStop ?? (() => false);
  const result: IngestResult = { cancelled: false, files: [] };
  const written: number[] = [];
  const scratch = newRow();
  const importFilter = opts.importFilter && !isEmptyImportFilter(opts.importFilter) ? opts.importFilter : null;
  let doneBefore = 0;

  for (let i = 0; i < files.length; i++) {
    const path = files[i];
    const evidenceId = await writer.addEvidence(path, sizes[i]);
    written.push(evidenceId);
    const engine = new FlowEngine({ ...defaultEngineOptions, ...opts.engine });
    engine.setEvidence(evidenceId);
    if (importFilter) engine.filterPackets(new PacketFilter(importFilter));
    engine.numberFlowsFrom(await writer.nextFlowId());
    let batch: FlowBatch = newBatch(evidenceId, BATCH_ROWS);
    let firstTs = Infinity;
    let lastTs = -Infinity;
    let flows = 0;
    const drain = async () => {
      const finished = engine.takeFinished();
      for (const f of finished) {
        scratch.fill(null);
        const row = engine.toRow(f, scratch);
        const first = row[FIRST_TS] as number;
        const last = row[LAST_TS] as number;
        if (first < firstTs) firstTs = first;
        if (last > lastTs) lastTs = last;
        const index = f.packetIndex.bytes();
        if (!appendRow(batch, row, index)) {
          await writer.writeFlows(batch);
          batch = newBatch(evidenceId, BATCH_ROWS);
          appendRow(batch, row, index);
        }
      }
      flows += finished.length;
      engine.release(finished);
      writer.writeNames(evidenceId, engine.timeBase, engine.names.takeFresh());
      if (comments.length) {
        writer.writeComments(evidenceId, comments);
        comments = [];
      }
    };
    let comments: PacketComment[] = [];
    // pcapng packet comments are evidence metadata, kept beside the flows.
    const sink = (rec: PacketRecord) => {
      if (rec.comment !== null) comments.push({ packetIndex: rec.index, comment: rec.comment });
      engine.onPacket(rec);
    };
    let consumed = () => 0;
    let stopped = false;
    const { stats } = await readCaptureFile(path, sink, {
      onSource: (s) => (consumed = () => s.consumed),
      hooks: { onName: (n) => engine.names.add(n.address, n.name, 'nrb', engine.currentTime) },
      shouldStop: async () => {
        await drain();
        opts.onProgress?.({ done: doneBefore + consumed(), total, file: path, packets: engine.counters.packets, flows: engine.counters.flows });
        stopped = shouldStop();
        return stopped;
      },
    });
    if (stopped) {
      for (const id of written) await writer.deleteEvidence(id);
      return { cancelled: true, files: [] };
    }
    engine.finishAll();
    await drain();
    if (batch.count > 0) await writer.writeFlows(batch);
    doneBefore += sizes[i];
    opts.onProgress?.({ done: doneBefore, total, file: path, packets: engine.counters.packets, flows: engine.counters.flows });

    const skipped = new Map(stats.skipped);
    for (const [reason, n] of engine.counters.skipped) skipped.set(reason, (skipped.get(reason) ?? 0) + n);
    const skippedTotal = [...skipped.values()].reduce((a, b) => a + b, 0);
    const status = stats.partial ? 'partial' : 'complete';
    await writer.finishEvidence(evidenceId, {
      format: stats.format,
      status,
      packets: stats.packets,
      skipped: skippedTotal,
      flows,
      firstTs: flows > 0 ? firstTs : null,
      lastTs: flows > 0 ? lastTs : null,
      problems: stats.problem ? [stats.problem] : [],
      skippedReasons: Object.fromEntries(skipped),
      linkTypes: Object.fromEntries(stats.linkTypes),
      interfaces: [
        ...stats.interfaces.map((i) => ({ kind: 'interface', ...i })),
        ...stats.interfaceStats.map((i) => ({ kind: 'statistics', ...i })),
      ],
      layout: stats.layout,
      importFilter,
    });
    result.files.push({ path, evidenceId, status, packets: stats.packets, skipped: Object.fromEntries(skipped), flows, problem: stats.problem });
  }
  return result;
}
