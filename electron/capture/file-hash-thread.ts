import { Worker } from 'node:worker_threads';

export interface FileHashResult {
  sha256: string;
  /** Bytes hashed: the whole file as it was when the hash reached its end. */
  size: number;
  /** The file's size or modification time differed between the start and the end of the hash. */
  changed: boolean;
}

/**
 * The hashing thread's whole program. It is tiny and self-contained (node:fs and
 * node:crypto only), so it runs as an eval'd script: no bundle to load, and an
 * isolate of a few MB that exits as soon as the digest is out.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, fstatSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
let fd = -1;
try {
  fd = openSync(workerData.path, 'r');
  const before = fstatSync(fd);
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  let size = 0;
  for (;;) {
    const n = readSync(fd, buf, 0, buf.length, size);
    if (n === 0) break;
    hash.update(buf.subarray(0, n));
    size += n;
  }
  const after = fstatSync(fd);
  const changed = before.size !== after.size || before.mtimeMs !== after.mtimeMs || size !== after.size;
  parentPort.postMessage({ sha256: hash.digest('hex'), size, changed });
} catch (err) {
  parentPort.postMessage({ error: err && err.message ? err.message : String(err) });
} finally {
  if (fd >= 0) closeSync(fd);
}
`;

/**
 * SHA-256 of an evidence file, computed on a thread of its own while the packet
 * engine reads the same file. Hashing on the reader's thread cost about a fifth
 * of an import's critical path (0.45 s per 780 MB); here it runs beside it, and
 * its reads warm the page cache for the reader. Both read the file as it is on
 * disk, and a change between the hash's start and end is reported (`changed`),
 * so the digest never silently describes other bytes than those imported.
 */
export class FileHashThread {
  private readonly worker: Worker;
  private readonly outcome: Promise<FileHashResult>;

  constructor(readonly path: string) {
    this.worker = new Worker(PROGRAM, { eval: true, workerData: { path } });
    this.outcome = new Promise<FileHashResult>((resolve, reject) => {
      this.worker.once('message', (m: FileHashResult | { error: string }) => {
        if ('error' in m) reject(new Error(`${path}: cannot hash: ${m.error}`));
        else resolve(m);
      });
      this.worker.once('error', (err) => reject(new Error(`${path}: cannot hash: ${err.message}`)));
      this.worker.once('exit', (code) => reject(new Error(`${path}: the hashing thread stopped (code ${code}) before its digest`)));
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
    void this.worker.terminate();
  }
}
