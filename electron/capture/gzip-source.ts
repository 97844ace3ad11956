import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createGunzip, type Gunzip } from 'node:zlib';
import type { ByteSource } from './byte-source';

/** Compressed bytes handed to zlib at a time. */
const INPUT_CHUNK = 64 << 10;

/**
 * A .gz file inflated on the fly. zlib's stream drops the output of the call in
 * which it finds damage (a corrupt block, a bad checksum, a cut), so after an
 * error the file is inflated again from the start, narrowing the failing piece
 * down to the byte: everything that inflated cleanly reaches the reader, and
 * `error` says why the rest did not. Only damaged files pay for the extra passes.
 */
export class GzipSource implements ByteSource {
  private fd: number;
  readonly size: number;
  error: string | null = null;
  private readonly input = Buffer.alloc(INPUT_CHUNK);
  private fed = 0;
  private ended = false;
  private inflater!: Gunzip;
  private failure: Error | null = null;
  private finished = false;
  /** Inflated bytes queued so far over the file (the queue holds the tail not yet read). */
  private accepted = 0;
  /** Inflated bytes the current inflater must drop: a second pass repeats what was already queued. */
  private skip = 0;
  private queue: Buffer[] = [];
  private queuePos = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
    this.start();
  }

  get consumed(): number {
    return this.fed;
  }

  async read(into: Uint8Array, at: number, len: number): Promise<number> {
    while (this.queue.length === 0 && !this.ended) await this.pump();
    let copied = 0;
    while (copied < len && this.queue.length > 0) {
      const head = this.queue[0];
      const n = Math.min(len - copied, head.length - this.queuePos);
      into.set(head.subarray(this.queuePos, this.queuePos + n), at + copied);
      copied += n;
      this.queuePos += n;
      if (this.queuePos === head.length) {
        this.queue.shift();
        this.queuePos = 0;
      }
    }
    return copied;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    this.inflater.destroy();
  }

  private start(): void {
    const g = createGunzip();
    this.inflater = g;
    this.failure = null;
    this.finished = false;
    g.on('data', (b: Buffer) => {
      if (g !== this.inflater) return;
      if (this.skip >= b.length) {
        this.skip -= b.length;
        return;
      }
      const fresh = this.skip > 0 ? b.subarray(this.skip) : b;
      this.skip = 0;
      this.queue.push(fresh);
      this.accepted += fresh.length;
    });
    g.on('error', (err) => (this.failure ??= err));
    g.on('end', () => (this.finished = true));
  }

  /** Feeds the next piece of the file (or the end of it) and waits until zlib has inflated it. */
  private async pump(): Promise<void> {
    const from = this.fed;
    if (from < this.size) {
      const n = readSync(this.fd, this.input, 0, INPUT_CHUNK, from);
      this.fed += n;
      await this.feed(this.input.subarray(0, n));
    } else {
      await this.finish();
      this.ended = true;
    }
    if (this.failure) await this.recover(from, this.fed);
  }

  /** Resolves once zlib has taken the piece, or has failed on it (then the write callback may never come). */
  private feed(piece: Buffer): Promise<void> {
    const g = this.inflater;
    if (this.failure) return Promise.resolve();
    return new Promise((resolve) => {
      const failed = () => resolve();
      g.once('error', failed);
      g.write(piece, () => {
        g.off('error', failed);
        resolve();
      });
    });
  }

  private finish(): Promise<void> {
    return new Promise((resolve) => {
      if (this.finished || this.failure) return resolve();
      const g = this.inflater;
      g.once('end', () => resolve());
      g.once('error', () => resolve());
      g.end();
    });
  }

  /**
   * Finds the damage and keeps everything before it: inflates the file again
   * with the failing piece fed in 4 KiB steps, then again with the failing step
   * fed byte by byte. Each pass drops what earlier passes already queued.
   */
  private async recover(from: number, to: number): Promise<void> {
    let why = this.failure!;
    for (const step of [4096, 1]) {
      const failedAt = await this.replay(from, to, step);
      why = this.failure ?? why;
      if (failedAt < 0) break;
      from = failedAt;
      to = Math.min(failedAt + step, to);
    }
    this.error = `the compressed stream is damaged: ${why.message}`;
    this.inflater.destroy();
    this.ended = true;
  }

  /** A fresh pass over [0, to): returns where the failing step starts, or -1 when the end itself failed. */
  private async replay(from: number, to: number, step: number): Promise<number> {
    this.inflater.destroy();
    this.skip = this.accepted;
    this.start();
    const piece = Buffer.alloc(INPUT_CHUNK);
    for (let o = 0; o < from; ) {
      const n = readSync(this.fd, piece, 0, Math.min(INPUT_CHUNK, from - o), o);
      await this.feed(piece.subarray(0, n));
      o += n;
    }
    for (let o = from; o < to; o += step) {
      const n = readSync(this.fd, piece, 0, Math.min(step, to - o), o);
      await this.feed(piece.subarray(0, n));
      if (this.failure) return o;
    }
    if (to >= this.size) await this.finish();
    return -1;
  }
}
