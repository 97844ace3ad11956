import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

const TAIL_CHUNK = 1 << 20;

/**
 * SHA-256 of a file computed from the bytes a reader takes from disk anyway, so
 * an import hashes its evidence without a second pass. Bytes must arrive in file
 * order; a re-read of bytes already hashed (gzip's damage recovery inflates the
 * start again) is ignored. What the reader never reached (it stopped at damage,
 * or at a cancel) is read at the end.
 */
export class StreamDigest {
  private readonly hash: Hash = createHash('sha256');
  private hashed = 0;
  private done: { sha256: string; size: number } | null = null;

  /** `bytes` as read from the file at `offset`. */
  update(bytes: Uint8Array, offset: number): void {
    if (this.done || bytes.length === 0) return;
    const end = offset + bytes.length;
    if (end <= this.hashed) return;
    if (offset > this.hashed) throw new Error(`digest: bytes ${this.hashed}–${offset} were skipped`);
    this.hash.update(offset === this.hashed ? bytes : bytes.subarray(this.hashed - offset));
    this.hashed = end;
  }

  /** Bytes hashed so far (the file offset the reader has reached). */
  get position(): number {
    return this.hashed;
  }

  /** Hashes the rest of the file, up to its end now, and returns the digest and the bytes it covers. */
  finish(path: string): { sha256: string; size: number } {
    if (this.done) return this.done;
    const fd = openSync(path, 'r');
    try {
      const chunk = Buffer.alloc(TAIL_CHUNK);
      for (;;) {
        const n = readSync(fd, chunk, 0, TAIL_CHUNK, this.hashed);
        if (n === 0) break;
        this.hash.update(chunk.subarray(0, n));
        this.hashed += n;
      }
    } finally {
      closeSync(fd);
    }
    this.done = { sha256: this.hash.digest('hex'), size: this.hashed };
    return this.done;
  }
}
