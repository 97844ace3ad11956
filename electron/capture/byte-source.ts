import { openSync, readSync, closeSync, fstatSync } from 'node:fs';

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
