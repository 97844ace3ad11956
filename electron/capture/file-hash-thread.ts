import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ByteSource } from './byte-source';

export interface FileHashResult {
  sha256: string;
  /** Bytes hashed: the whole file as it was when the hash reached its end. */
  size: number;
  /** The file's size or modification time differed between the start and the end of the hash. */
  changed: boolean;
}

// The ring's control words (Int32 indexes), and its states.
const WRITTEN = 0;
const CONSUMED = 1;
const STATE = 2;
/** Set by the reader when it has read all it will (the end, damage, or an error): the thread then hashes on alone. */
const READER_DONE = 3;
const RUNNING = 0;
const FAILED = 1;
const CANCELLED = 2;
const CONTROL_BYTES = 16;
const SLOTS = 4;
const SLOT_SIZE = 1 << 20;

// Node has had Atomics.waitAsync since 16; TypeScript declares it from ES2024 on.
const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, index: number, value: number): { async: boolean; value: unknown } }).waitAsync;

/**
 * The hashing thread's whole program. It is tiny and self-contained (node:fs and
 * node:crypto only), so it runs as an eval'd script: no bundle to load, and an
 * isolate of a few MB that exits as soon as the digest is out. With a ring it
 * also hands each slot it read and hashed to the capture reader, and reads on
 * only as the reader frees slots, or freely once the reader is done.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, fstatSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { path, ring } = workerData;
const [WRITTEN, CONSUMED, STATE, READER_DONE, RUNNING, FAILED] = [${WRITTEN}, ${CONSUMED}, ${STATE}, ${READER_DONE}, ${RUNNING}, ${FAILED}];
const ctrl = ring ? new Int32Array(ring.sab, 0, 4) : null;
function main(fd, hash) {
  let size = 0;
  if (!ring) {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, size);
      if (n === 0) return size;
      hash.update(buf.subarray(0, n));
      size += n;
    }
  }
  const lens = new Int32Array(ring.sab, ${CONTROL_BYTES}, ring.slots);
  const data = new Uint8Array(ring.sab, ${CONTROL_BYTES} + 4 * ring.slots);
  for (let k = 0; ; k++) {
    for (;;) {
      if (Atomics.load(ctrl, STATE) !== RUNNING) return -1;
      if (Atomics.load(ctrl, READER_DONE) === 1) break;
      const consumed = Atomics.load(ctrl, CONSUMED);
      if (k - consumed < ring.slots) break;
      Atomics.wait(ctrl, CONSUMED, consumed, 1000);
    }
    const at = (k % ring.slots) * ring.slotSize;
    const n = readSync(fd, data, at, ring.slotSize, size);
    if (n > 0) hash.update(data.subarray(at, at + n));
    size += n;
    lens[k % ring.slots] = n;
    Atomics.store(ctrl, WRITTEN, k + 1);
    Atomics.notify(ctrl, WRITTEN);
    if (n === 0) return size;
  }
}
let fd = -1;
try {
  fd = openSync(path, 'r');
  const before = fstatSync(fd);
  const hash = createHash('sha256');
  const size = main(fd, hash);
  if (size >= 0) {
    const after = fstatSync(fd);
    const changed = before.size !== after.size || before.mtimeMs !== after.mtimeMs || size !== after.size;
    parentPort.postMessage({ sha256: hash.digest('hex'), size, changed });
  }
} catch (err) {
  if (ctrl) {
    Atomics.store(ctrl, STATE, FAILED);
    Atomics.notify(ctrl, WRITTEN);
  }
  parentPort.postMessage({ error: err && err.message ? err.message : String(err) });
} finally {
  if (fd >= 0) closeSync(fd);
}
`;

/**
 * SHA-256 of an evidence file, computed on a thread of its own while the packet
 * engine parses it. Hashing on the engine's thread cost about a fifth of an
 * import's critical path (0.45 s per 780 MB). With `shareReads` the thread is
 * also the file's reader: `source` gives the capture reader the very bytes that
 * were hashed, through a ring of shared slots, so the file is read once and the
 * digest and the flows describe the same bytes. Without it (a gzip file, whose
 * compressed bytes are the evidence), both read the file as it is on disk. A
 * change between the hash's start and end is reported (`changed`).
 */
export class FileHashThread {
  private readonly worker: Worker;
  private readonly outcome: Promise<FileHashResult>;
  /** The ring's control words, with `shareReads`. */
  private readonly control: Int32Array | null = null;
  /** With `shareReads`: the file's bytes as hashed, for the capture reader. */
  readonly source: ByteSource | null = null;

  constructor(
    readonly path: string,
    opts: { shareReads?: boolean } = {},
  ) {
    let ring: { sab: SharedArrayBuffer; slots: number; slotSize: number } | undefined;
    if (opts.shareReads) {
      const sab = new SharedArrayBuffer(CONTROL_BYTES + SLOTS * (4 + SLOT_SIZE));
      ring = { sab, slots: SLOTS, slotSize: SLOT_SIZE };
      this.control = new Int32Array(sab, 0, 4);
      this.source = new RingSource(path, sab);
    }
    const control = this.control;
    this.worker = new Worker(PROGRAM, { eval: true, workerData: { path, ring } });
    // A thread that dies without saying so must not leave the reader waiting for a slot.
    const failReader = () => {
      if (control && Atomics.compareExchange(control, STATE, RUNNING, FAILED) === RUNNING) Atomics.notify(control, WRITTEN);
    };
    this.outcome = new Promise<FileHashResult>((resolve, reject) => {
      this.worker.once('message', (m: FileHashResult | { error: string }) => {
        if ('error' in m) reject(new Error(`${path}: cannot hash: ${m.error}`));
        else resolve(m);
      });
      this.worker.once('error', (err) => {
        failReader();
        reject(new Error(`${path}: cannot hash: ${err.message}`));
      });
      this.worker.once('exit', (code) => {
        failReader();
        reject(new Error(`${path}: the hashing thread stopped (code ${code}) before its digest`));
      });
    });
    // A cancelled import may never ask for the result; its rejection is not an error then.
    this.outcome.catch(() => undefined);
  }

  /** The digest, once the whole file is hashed. */
  result(): Promise<FileHashResult> {
    return this.outcome;
  }

  /** Stops hashing (a cancelled or failed import). */
  cancel(): void {
    if (this.control) {
      Atomics.store(this.control, STATE, CANCELLED);
      Atomics.notify(this.control, CONSUMED);
    }
    void this.worker.terminate();
  }
}

/** The capture reader's side of the ring: slots in order, each freed once copied out. */
class RingSource implements ByteSource {
  readonly size: number;
  readonly error = null;
  private readonly control: Int32Array;
  private readonly lengths: Int32Array;
  private readonly data: Uint8Array;
  private next = 0;
  private slotLength = -1;
  private slotPos = 0;
  private delivered = 0;
  private ended = false;

  constructor(
    private readonly path: string,
    sab: SharedArrayBuffer,
  ) {
    this.size = statSync(path).size;
    this.control = new Int32Array(sab, 0, 4);
    this.lengths = new Int32Array(sab, CONTROL_BYTES, SLOTS);
    this.data = new Uint8Array(sab, CONTROL_BYTES + 4 * SLOTS);
  }

  get consumed(): number {
    return this.delivered;
  }

  async read(into: Uint8Array, at: number, len: number): Promise<number> {
    if (this.ended) return 0;
    if (this.slotLength < 0) {
      const c = this.control;
      for (;;) {
        const written = Atomics.load(c, WRITTEN);
        if (written > this.next) break;
        if (Atomics.load(c, STATE) !== RUNNING) throw new Error(`${this.path}: the reading thread stopped after ${this.delivered} bytes`);
        // Async, so the thread's exit can still be seen while waiting.
        const w = waitAsync(c, WRITTEN, written);
        if (w.async) await w.value;
      }
      this.slotLength = this.lengths[this.next % SLOTS];
      this.slotPos = 0;
      if (this.slotLength === 0) {
        this.ended = true;
        return 0;
      }
    }
    const n = Math.min(len, this.slotLength - this.slotPos);
    const from = (this.next % SLOTS) * SLOT_SIZE + this.slotPos;
    into.set(this.data.subarray(from, from + n), at);
    this.slotPos += n;
    this.delivered += n;
    if (this.slotPos === this.slotLength) {
      this.next++;
      this.slotLength = -1;
      Atomics.store(this.control, CONSUMED, this.next);
      Atomics.notify(this.control, CONSUMED);
    }
    return n;
  }

  /** The reader is done (at the end, or stopped early at damage): the thread hashes the rest without handing it over. */
  close(): void {
    Atomics.store(this.control, READER_DONE, 1);
    Atomics.notify(this.control, CONSUMED);
  }
}
