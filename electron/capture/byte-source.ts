import { createReadStream, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { createGunzip } from 'node:zlib';

/** A forward-only stream of bytes: a plain file, or a gzip-compressed one inflated on the fly. */
export interface ByteSource {
  /** Copies up to `len` bytes into `into` at `at`; returns 0 at the end. */
  read(into: Uint8Array, at: number, len: number): Promise<number>;
  close(): void;
  /** Size of the file on disk (compressed size for gzip), for progress. */
  readonly size: number;
  /** Bytes of the file on disk consumed so far, for progress. */
  readonly consumed: number;
  /** Set when the stream broke (e.g. corrupt gzip data): reading ended there. */
  readonly error: string | null;
}

export class FileSource implements ByteSource {
  private fd: number;
  private pos = 0;
  readonly size: number;
  readonly error = null;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
  }

  get consumed(): number {
    return this.pos;
  }

  // Synchronous reads: this runs in a worker, and a 4 MB read is far cheaper than
  // the promise machinery of fs/promises around it.
  async read(into: Uint8Array, at: number, len: number): Promise<number> {
    const n = readSync(this.fd, into, at, len, this.pos);
    this.pos += n;
    return n;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/** Streams a .gz file through zlib; chunks are copied out as the reader asks. */
export class GzipSource implements ByteSource {
  private iter: AsyncIterator<Buffer>;
  private pending: Buffer | null = null;
  private pendingPos = 0;
  private raw;
  readonly size: number;
  error: string | null = null;

  constructor(readonly path: string) {
    const fd = openSync(path, 'r');
    this.size = fstatSync(fd).size;
    closeSync(fd);
    this.raw = createReadStream(path, { highWaterMark: 1 << 20 });
    this.iter = this.raw.pipe(createGunzip({ chunkSize: 1 << 20 }))[Symbol.asyncIterator]();
  }

  get consumed(): number {
    return this.raw.bytesRead;
  }

  async read(into: Uint8Array, at: number, len: number): Promise<number> {
    let copied = 0;
    while (copied < len) {
      if (!this.pending || this.pendingPos >= this.pending.length) {
        if (copied > 0 || this.error) break;
        let next: IteratorResult<Buffer>;
        try {
          next = await this.iter.next();
        } catch (err) {
          // Keep what inflated cleanly; the reader reports the file as partial.
          this.error = `the compressed stream is damaged: ${(err as Error).message}`;
          break;
        }
        if (next.done) return copied;
        this.pending = next.value;
        this.pendingPos = 0;
      }
      const n = Math.min(len - copied, this.pending.length - this.pendingPos);
      into.set(this.pending.subarray(this.pendingPos, this.pendingPos + n), at + copied);
      this.pendingPos += n;
      copied += n;
    }
    return copied;
  }

  close(): void {
    this.raw.destroy();
  }
}
