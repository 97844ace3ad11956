import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readCaptureFile, sniffCaptureFile } from '../capture/capture-file';
import type { PacketRecord } from '../capture/packet-record';
import type { CaseWriter } from '../cases/case-writer';
import type { ResumePoint } from '../cases/evidence-store';
import type { PacketComment } from '../cases/packet-comments';
import { appendRow, newBatch, type FlowBatch } from '../cases/flow-batch';
import { FlowEngine, defaultEngineOptions, type FlowEngineOptions } from '../flows/flow-engine';
import { PacketFilter } from '../flows/packet-filter';
import { isEmptyImportFilter, type ImportFilter } from '../../shared/domain/import-filter';
import { newRow } from '../flows/flow-row';

// Rows per batch to the writer: 4,096 saved the writer ~5% CPU but held ~20 MiB
// more at the peak (three batches in flight, each ~1.5 MB packed).
const BATCH_ROWS = 1024;
// Names or packet comments waiting before they go to the writer without a flow batch.
const METADATA_BATCH = 4096;

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
  sha256: string;
  size: number;
  /** A resume: flows the interrupted import had committed, which were not written again. */
  alreadyCommitted?: number;
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
  /** Recorded with each evidence file beside the engine options (e.g. the Flowsight version). */
  recordOptions?: Record<string, unknown>;
}

/** One file to read: a new import, or the replay of an interrupted one. */
interface Task {
  path: string;
  size: number;
  resume?: ResumePoint;
}

/**
 * Reads capture files into a case: each file becomes an evidence row with its
 * SHA-256 (hashed from the bytes the reader takes anyway), size, time range,
 * packet count and the options used; its finished flows are packed into
 * batches that the writer stores while parsing goes on. A cancelled ingest
 * removes what it wrote, so the case is as it was.
 */
export async function ingestFiles(writer: CaseWriter, paths: string[], opts: IngestOptions = {}): Promise<IngestResult> {
  const files = paths.map((p) => resolve(p));
  // Refuse non-captures before writing anything: one clear reason, nothing half-done.
  for (const f of files) sniffCaptureFile(f);
  return run(writer, files.map((path) => ({ path, size: statSync(path).size })), opts);
}

/**
 * Resumes an interrupted import. Its flows cannot be continued from a packet
 * offset: the flows still open at the moment it died (and their TCP, app and
 * timing state) were never written, and they hold packets from before any
 * offset. So the file is read again from the start with the same options and
 * the same first flow id, which gives every flow the id it had (the engine
 * numbers flows in order of their first packet), and the flows already
 * committed are skipped instead of written twice.
 */
export async function resumeIngest(writer: CaseWriter, point: ResumePoint, opts: IngestOptions = {}): Promise<IngestResult> {
  sniffCaptureFile(point.path);
  const now = statSync(point.path);
  if (now.size !== point.size || (point.mtime !== null && now.mtimeMs !== point.mtime)) {
    throw new Error(`${point.path} changed since its import was interrupted (size or modification time differ); discard the import and import the file again`);
  }
  // The same options, import filter included, give the same flows.
  const importFilter = (point.options.importFilter as ImportFilter | undefined) ?? undefined;
  return run(writer, [{ path: point.path, size: now.size, resume: point }], { ...opts, engine: { ...(point.options.engine as Partial<FlowEngineOptions>) }, ...(importFilter ? { importFilter } : {}) });
}

async function run(writer: CaseWriter, tasks: Task[], opts: IngestOptions): Promise<IngestResult> {
  const total = tasks.reduce((a, t) => a + t.size, 0);
  const shouldStop = opts.shouldStop ?? (() => false);
  const engineOptions: FlowEngineOptions = { ...defaultEngineOptions, ...opts.engine };
  const result: IngestResult = { cancelled: false, files: [] };
  const written: number[] = [];
  const scratch = newRow();
  const importFilter = opts.importFilter && !isEmptyImportFilter(opts.importFilter) ? opts.importFilter : null;
  let doneBefore = 0;

  for (const task of tasks) {
    const { path } = task;
    let evidenceId: number;
    let committed: Set<number> | null = null;
    if (task.resume) {
      evidenceId = task.resume.evidenceId;
      committed = new Set(await writer.claimResume(evidenceId));
    } else {
      evidenceId = await writer.addEvidence({ path, size: task.size, mtime: statSync(path).mtimeMs, source: 'import', options: { engine: engineOptions, ...(importFilter ? { importFilter } : {}), ...opts.recordOptions } });
      written.push(evidenceId);
    }
    const engine = new FlowEngine(engineOptions);
    engine.setEvidence(evidenceId);
    if (importFilter) engine.filterPackets(new PacketFilter(importFilter));
    engine.numberFlowsFrom(task.resume ? task.resume.firstFlowId : await writer.nextFlowId());
    let batch: FlowBatch = newBatch(evidenceId, BATCH_ROWS);
    let firstTs = Infinity;
    let lastTs = -Infinity;
    let flows = 0;
    let comments: PacketComment[] = [];
    const drain = async () => {
      const finished = engine.takeFinished();
      for (const f of finished) {
        if (committed?.has(f.id)) continue;
        scratch.fill(null);
        const row = engine.toRow(f, scratch);
        const index = f.packetIndex.bytes();
        if (!appendRow(batch, row, index)) {
          await writer.writeFlows(batch);
          batch = newBatch(evidenceId, BATCH_ROWS);
          appendRow(batch, row, index);
          sendMetadata();
        }
      }
      flows += finished.length;
      engine.release(finished);
      if (comments.length >= METADATA_BATCH || engine.names.pending >= METADATA_BATCH) sendMetadata();
    };
    // Names and comments go to the writer's thread with the flow batches (or
    // when enough are waiting), not at every chunk: each message costs the
    // parser's thread a structured clone and a wake-up of the writer.
    const sendMetadata = () => {
      writer.writeNames(evidenceId, engine.timeBase, engine.names.takeFresh());
      if (comments.length) {
        writer.writeComments(evidenceId, comments);
        comments = [];
      }
    };
    // pcapng packet comments are evidence metadata, kept beside the flows.
    const sink = (rec: PacketRecord) => {
      if (rec.comment !== null) comments.push({ packetIndex: rec.index, comment: rec.comment });
      // The capture's time range, from every record (not only those that made flows).
      if (rec.tsSec >= 0) {
        const ts = rec.tsSec + rec.tsNsec / 1e9;
        if (ts < firstTs) firstTs = ts;
        if (ts > lastTs) lastTs = ts;
      }
      engine.onPacket(rec);
    };
    let consumed = () => 0;
    let stopped = false;
    const { stats, digest } = await readCaptureFile(path, sink, {
      digest: true,
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
      digest?.cancel();
      for (const id of written) await writer.deleteEvidence(id, 'cancel');
      if (task.resume) await writer.suspendResume(evidenceId);
      return { cancelled: true, files: [] };
    }
    engine.finishAll();
    await drain();
    if (batch.count > 0) await writer.writeFlows(batch);
    sendMetadata();
    const hashed = await digest!.result();
    doneBefore += task.size;
    opts.onProgress?.({ done: doneBefore, total, file: path, packets: engine.counters.packets, flows: engine.counters.flows });

    const skipped = new Map(stats.skipped);
    for (const [reason, n] of engine.counters.skipped) skipped.set(reason, (skipped.get(reason) ?? 0) + n);
    const skippedTotal = [...skipped.values()].reduce((a, b) => a + b, 0);
    const problems = stats.problem ? [stats.problem] : [];
    // The digest and the flows must describe the same bytes: a file written to during its import cannot promise that.
    if (hashed.changed) problems.push(`the file changed while it was imported (its size or modification time moved); the SHA-256 covers its ${hashed.size} bytes as they were when hashing ended`);
    const status = stats.partial || hashed.changed ? 'partial' : 'complete';
    await writer.finishEvidence(evidenceId, {
      format: stats.format,
      status,
      packets: stats.packets,
      skipped: skippedTotal,
      flows,
      firstTs: Number.isFinite(firstTs) ? firstTs : null,
      lastTs: Number.isFinite(lastTs) ? lastTs : null,
      problems,
      skippedReasons: Object.fromEntries(skipped),
      linkTypes: Object.fromEntries(stats.linkTypes),
      interfaces: [
        ...stats.interfaces.map((i) => ({ kind: 'interface', ...i })),
        ...stats.interfaceStats.map((i) => ({ kind: 'statistics', ...i })),
      ],
      layout: stats.layout,
      importFilter,
      sha256: hashed.sha256,
      size: hashed.size,
    });
    result.files.push({
      path,
      evidenceId,
      status,
      packets: stats.packets,
      skipped: Object.fromEntries(skipped),
      flows,
      problem: problems.length > 0 ? problems.join('; ') : null,
      sha256: hashed.sha256,
      size: hashed.size,
      ...(committed ? { alreadyCommitted: committed.size } : {}),
    });
  }
  return result;
}
