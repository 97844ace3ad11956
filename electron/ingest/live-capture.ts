import { mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PacketRecord } from '../capture/packet-record';
import { PcapngWriter } from '../capture/pcapng-writer';
import type { CaptureInterface, FileLayout } from '../capture/read-stats';
import { CAP_PATCH, dltOf, loadCap, type CapInstance } from '../capture/live/cap-binding';
import { captureProblem } from '../capture/live/capture-permission';
import { interfaceDrops } from '../capture/live/interface-counters';
import type { CaseDb } from '../cases/case-db';
import { DirectCaseWriter } from '../cases/case-writer';
import { appendRow, newBatch } from '../cases/flow-batch';
import { applyLabel } from '../cases/label-store';
import { appendAudit } from '../cases/audit-log';
import { FlowEngine, defaultEngineOptions, type FlowEngineOptions } from '../flows/flow-engine';
import { columnOf, newRow } from '../flows/flow-row';
import type { FlowState } from '../flows/flow-state';

export interface LiveCaptureOptions {
  device: string;
  /** BPF capture filter ('' for everything). */
  filter: string;
  /** Bytes libpcap keeps of each packet (at most 65535). */
  snaplen: number;
  /** Open the interface in promiscuous mode (libpcap's default here is yes). */
  promiscuous?: boolean;
  /** Start a new evidence file once the current one reaches this size. */
  rotateBytes: number;
  maxPackets?: number;
  maxSeconds?: number;
  author: string;
  engine?: Partial<FlowEngineOptions>;
  /** Where cap built for Electron's ABI lives (unset under Node). */
  nativeDir?: string;
  /** Label flows that start while it is set (activity tags). */
  tag?: string | null;
}

export interface LiveCounters {
  packets: number;
  bytes: number;
  flows: number;
  activeFlows: number;
  /** Packets libpcap dropped because its buffer was full (Flowsight fell behind); null before the device opens. */
  dropped: number | null;
  /** Receive drops counted by the interface since the capture started (null when the system does not say). */
  interfaceDropped: number | null;
  seconds: number;
  fileBytes: number;
  files: number;
}

export class CaptureError extends Error {
  override readonly name = 'CaptureError';
}

const LABEL = columnOf('label');
const FLUSH_MS = 250;
const NS_TIME = { perSecond: 1e9, perNanosecond: 0, shift: 0, offset: 0 };

/**
 * A live capture into the case: packets from libpcap (through cap) are written
 * to pcapng evidence files in the case's folder (a new file past `rotateBytes`)
 * and fed to the same engine as file ingest, with the record's file offset, so
 * the flows equal those of ingesting the saved files afterwards. Growing flows
 * are written a few times a second, so views update live. Runs in a process of
 * its own (cap polls the process's default loop); it is the case's writer.
 */
export class LiveCapture {
  private cap: CapInstance | null = null;
  private readonly buffer = Buffer.alloc(65_536);
  // libpcap hands packets over in blocks at most this late: the live view updates 2–4 times a second anyway.
  private static readonly HANDOVER_MS = 100;
  private readonly rec = new PacketRecord();
  private readonly row = newRow();
  private engine!: FlowEngine;
  private file!: PcapngWriter;
  private evidenceId = 0;
  private filePackets = 0;
  private firstTs = Infinity;
  private lastTs = -Infinity;
  private fileFlows = 0;
  private linkType = 1;
  private timer: NodeJS.Timeout | null = null;
  private started = 0;
  private dropsAtStart: number | null = null;
  private tag: string | null;
  // libpcap hands packets over late (in blocks): a tag applies from the packet time it was set at, not from hand-over.
  private readonly tagChanges: { at: number; tag: string | null }[] = [];
  private packetTag: string | null;
  private pendingComment: string | null = null;
  private readonly tagged = new Map<number, string>();
  private lastFlowCount = 0;
  private tagSeq = 0;
  private stopping: Promise<LiveCounters> | null = null;
  private stopAt = Infinity;
  readonly counters: LiveCounters = { packets: 0, bytes: 0, flows: 0, activeFlows: 0, dropped: null, interfaceDropped: null, seconds: 0, fileBytes: 0, files: 0 };
  // Made once libpcap has accepted the device and filter: for an empty case it
  // suspends the flow indexes, which close() builds again when the capture stops.
  private writer!: DirectCaseWriter;

  constructor(
    private readonly db: CaseDb,
    private readonly casePath: string,
    private readonly opts: LiveCaptureOptions,
    private readonly onUpdate: (c: LiveCounters) => void,
    private readonly onEnd: (c: LiveCounters) => void,
  ) {
    this.tag = opts.tag ?? null;
    this.packetTag = this.tag;
  }

  /** Opens the device with the filter (both checked by libpcap) and starts; throws a CaptureError saying why not. */
  async start(): Promise<void> {
    let linkName: string;
    try {
      const cap = loadCap(this.opts.nativeDir);
      // An unpatched cap gives neither libpcap's timestamps nor its drop counter, which the evidence needs.
      if (cap.flowsightPatch !== CAP_PATCH) throw new CaptureError(`the cap module lacks Flowsight's patch level ${CAP_PATCH} (resources/patches): run npm install again`);
      this.cap = new cap.Cap();
      linkName = this.cap.open(this.opts.device, this.opts.filter, 32 << 20, this.buffer, {
        snaplen: this.opts.snaplen,
        promisc: this.opts.promiscuous ?? true,
        immediate: false,
        timeout: LiveCapture.HANDOVER_MS,
      });
    } catch (err) {
      if (err instanceof CaptureError) throw err;
      const msg = (err as Error).message;
      if (/filter|syntax|parse/i.test(msg)) throw new CaptureError(`BPF filter ${JSON.stringify(this.opts.filter)}: ${msg}`);
      throw new CaptureError(captureProblem(this.opts.device, msg));
    }
    try {
      this.linkType = dltOf(linkName);
    } catch (err) {
      this.cap.close();
      this.cap = null;
      throw new CaptureError(`${this.opts.device}: ${(err as Error).message}, so its packets cannot be stored; choose another interface`);
    }
    this.writer = new DirectCaseWriter(this.db, this.opts.author, { growing: true });
    this.started = Date.now();
    const o = this.opts;
    this.audit('capture.start', { device: o.device, filter: o.filter, snaplen: o.snaplen, rotateBytes: o.rotateBytes, maxPackets: o.maxPackets ?? null, maxSeconds: o.maxSeconds ?? null, tag: this.tag });
    this.dropsAtStart = interfaceDrops(this.opts.device);
    this.engine = new FlowEngine({ ...defaultEngineOptions, ...this.opts.engine });
    this.engine.numberFlowsFrom(await this.writer.nextFlowId());
    if (this.tag) this.pendingComment = `flowsight tag: ${this.tag}`;
    await this.openFile();
    this.cap.on('packet', (n, _truncated, sec, nsec, wire) => this.onPacket(n, sec, nsec, wire));
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
  }

  /** Records a capture action in the case's audit trail (this process is the case's writer while it runs). */
  private audit(action: string, params: Record<string, unknown>): void {
    this.db.transaction(() => appendAudit(this.db, { user: this.opts.author, action, params })).immediate();
  }

  /** `at`: when the tag was set (epoch seconds; kernel timestamps read the same clock, CLOCK_REALTIME). */
  setTag(tag: string | null, at = Date.now() / 1000): void {
    if (tag === this.tag) return;
    this.tag = tag;
    this.tagChanges.push({ at, tag });
    this.audit('capture.tag', { device: this.opts.device, tag });
  }

  stop(): Promise<LiveCounters> {
    this.stopping ??= (async () => {
      // Packets up to now may still sit in libpcap's current block: wait for its hand-over, keep those, refuse later ones.
      this.stopAt = Date.now() / 1000;
      if (this.cap && this.writer) await new Promise((r) => setTimeout(r, 2 * LiveCapture.HANDOVER_MS));
      if (this.timer) clearInterval(this.timer);
      this.readDrops();
      this.cap?.close();
      this.cap = null;
      // Refused at start: nothing was written.
      if (!this.writer) return this.counters;
      await this.closeFile();
      await this.writer.close();
      this.updateCounters();
      const c = this.counters;
      this.audit('capture.stop', { device: this.opts.device, packets: c.packets, bytes: c.bytes, flows: c.flows, files: c.files, seconds: Math.round(c.seconds * 1000) / 1000, interfaceDropped: c.interfaceDropped });
      this.onEnd(this.counters);
      return this.counters;
    })();
    return this.stopping;
  }

  private onPacket(nbytes: number, tsSec: number, tsNsec: number, wireLength: number): void {
    if (tsSec + tsNsec * 1e-9 > this.stopAt || (this.opts.maxPackets !== undefined && this.counters.packets >= this.opts.maxPackets)) return;
    const rec = this.rec;
    // libpcap's own timestamp (nanoseconds where the kernel gives them), not the time of hand-over.
    rec.tsSec = tsSec;
    rec.tsNsec = tsNsec;
    rec.caplen = nbytes;
    rec.wirelen = wireLength;
    rec.linkType = this.linkType;
    rec.data = this.buffer;
    rec.offset = 0;
    while (this.tagChanges.length > 0 && tsSec + tsNsec * 1e-9 >= this.tagChanges[0].at) {
      const change = this.tagChanges.shift()!;
      this.packetTag = change.tag;
      // The change is noted on the first packet after it, as a pcapng packet comment.
      this.pendingComment = change.tag ? `flowsight tag: ${change.tag}` : 'flowsight tag: (none)';
    }
    rec.comment = this.pendingComment;
    this.pendingComment = null;
    rec.fileOffset = this.file.writePacket(0, rec.tsSec, rec.tsNsec, this.buffer, 0, rec.caplen, rec.wirelen, rec.comment);
    rec.index = this.filePackets++;
    this.engine.onPacket(rec);
    if (this.engine.counters.flows !== this.lastFlowCount) {
      this.lastFlowCount = this.engine.counters.flows;
      if (this.packetTag) this.tagged.set(this.engine.lastFlowId, this.packetTag);
    }
    this.counters.packets++;
    this.counters.bytes += wireLength;
    const ts = rec.tsSec + rec.tsNsec / 1e9;
    if (ts < this.firstTs) this.firstTs = ts;
    if (ts > this.lastTs) this.lastTs = ts;
    if (this.opts.maxPackets !== undefined && this.counters.packets >= this.opts.maxPackets) void this.stop();
    else if (this.file.size >= this.opts.rotateBytes) void this.rotate();
  }

  private rotating = false;

  private async rotate(): Promise<void> {
    if (this.rotating) return;
    this.rotating = true;
    // Flows end with their file, as they would when each file is ingested on its own.
    await this.closeFile();
    await this.openFile();
    this.rotating = false;
  }

  private async openFile(): Promise<void> {
    const dir = join(dirname(this.casePath), `${basename(this.casePath, '.flowsight')}.captures`);
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const path = join(dir, `${this.opts.device}-${stamp}-${String(this.counters.files + 1).padStart(3, '0')}.pcapng`);
    this.file = new PcapngWriter(path, 'Flowsight live capture', { digest: true });
    this.file.addInterface({ linkType: this.linkType, snaplen: this.opts.snaplen, name: this.opts.device });
    this.file.flush();
    const o = this.opts;
    const options = { device: o.device, filter: o.filter, snaplen: o.snaplen, rotateBytes: o.rotateBytes, maxPackets: o.maxPackets ?? null, maxSeconds: o.maxSeconds ?? null, tag: this.tag, engine: { ...defaultEngineOptions, ...o.engine } };
    this.evidenceId = await this.writer.addEvidence({ path, size: 0, mtime: null, source: 'capture', options });
    this.engine.setEvidence(this.evidenceId);
    this.filePackets = 0;
    this.fileFlows = 0;
    this.firstTs = Infinity;
    this.lastTs = -Infinity;
    this.counters.files++;
  }

  private async closeFile(): Promise<void> {
    this.engine.finishAll();
    await this.flush();
    this.file.close();
    const layout: FileLayout = { format: 'pcapng', sections: [{ offset: 0, little: true }], compressed: false };
    const iface: CaptureInterface = { section: 0, interfaceId: 0, linkType: this.linkType, snaplen: this.opts.snaplen, name: this.opts.device, packets: this.filePackets, time: NS_TIME };
    await this.writer.finishEvidence(this.evidenceId, {
      format: 'pcapng',
      status: 'complete',
      packets: this.filePackets,
      skipped: [...this.engine.counters.skipped.values()].reduce((a, b) => a + b, 0),
      flows: this.fileFlows,
      firstTs: Number.isFinite(this.firstTs) ? this.firstTs : null,
      lastTs: Number.isFinite(this.lastTs) ? this.lastTs : null,
      problems: [],
      skippedReasons: Object.fromEntries(this.engine.counters.skipped),
      linkTypes: { [this.linkType]: this.filePackets },
      interfaces: [{ kind: 'interface', ...iface }],
      layout,
      sha256: this.file.digest,
      size: this.file.size,
      mtime: statSync(this.file.path).mtimeMs,
    });
  }

  /** Writes finished flows (with their packet index) and the growing ones, labels new tagged flows, reports counters. */
  private async flush(): Promise<void> {
    if (!this.file) return;
    this.file.flush();
    const finished = this.engine.takeFinished();
    const growing = this.engine.takeDirty();
    const batch = newBatch(this.evidenceId, Math.max(1, finished.length + growing.length));
    const labelled: [number, string][] = [];
    const add = (f: FlowState, index: Uint8Array) => {
      this.row.fill(null);
      const row = this.engine.toRow(f, this.row);
      const tag = this.tagged.get(f.id);
      if (tag) row[LABEL] = tag;
      appendRow(batch, row, index);
    };
    for (const f of finished) {
      add(f, f.packetIndex.bytes());
      const tag = this.tagged.get(f.id);
      if (tag) labelled.push([f.id, tag]);
      this.tagged.delete(f.id);
    }
    // A growing flow is written without its packet index; the index comes with its final row.
    for (const f of growing) add(f, new Uint8Array(0));
    if (batch.count > 0) await this.writer.writeFlows(batch);
    this.fileFlows += finished.length;
    this.engine.release(finished);
    this.writer.writeNames(this.evidenceId, this.engine.timeBase, this.engine.names.takeFresh());
    for (const [id, tag] of labelled) {
      applyLabel(this.db, { flowIds: [id], label: tag, provenance: 'capture-tag', author: this.opts.author, batch: `capture-tag-${this.started}-${++this.tagSeq}`, audit: false });
    }
    this.updateCounters();
    this.onUpdate(this.counters);
    if (this.opts.maxSeconds !== undefined && this.counters.seconds >= this.opts.maxSeconds) void this.stop();
  }

  private readDrops(): void {
    if (this.cap) this.counters.dropped = this.cap.stats().dropped;
  }

  private updateCounters(): void {
    const c = this.counters;
    c.flows = this.engine.counters.flows;
    c.activeFlows = this.engine.activeFlows;
    this.readDrops();
    const drops = interfaceDrops(this.opts.device);
    c.interfaceDropped = drops !== null && this.dropsAtStart !== null ? drops - this.dropsAtStart : null;
    c.seconds = (Date.now() - this.started) / 1000;
    c.fileBytes = this.file?.size ?? 0;
  }
}
