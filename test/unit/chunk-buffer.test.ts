import { describe, expect, it } from 'vitest';
import type { ByteSource } from '../../electron/capture/byte-source';
import { ChunkBuffer } from '../../electron/capture/chunk-buffer';

/** Serves `bytes` in reads that end at `slot` boundaries, as the hashing thread's ring does, noting where each read landed. */
class ArraySource implements ByteSource {
  readonly error = null;
  consumed = 0;
  readonly landed: number[] = [];
  constructor(
    private readonly bytes: Uint8Array,
    private readonly slot: number,
  ) {}
  get size(): number {
    return this.bytes.length;
  }
  async read(into: Uint8Array, at: number, len: number): Promise<number> {
    const n = Math.min(len, this.slot - (this.consumed % this.slot), this.bytes.length - this.consumed);
    if (n === 0) return 0;
    this.landed.push(at);
    into.set(this.bytes.subarray(this.consumed, this.consumed + n), at);
    this.consumed += n;
    return n;
  }
  close(): void {}
}

/** A fixed-seed LCG, so a failure names a reproducible sequence. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('ChunkBuffer', () => {
  it('hands out every byte at its file offset through odd-sized records, growth included, and lands every read 8-byte aligned', async () => {
    const rand = lcg(7);
    const bytes = new Uint8Array(11 * (1 << 20) + 5);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + (i >>> 11)) & 0xff;
    const src = new ArraySource(bytes, 1 << 20);
    const cb = new ChunkBuffer(src);
    let offset = 0;
    let records = 0;
    let grew = false;
    while (offset < bytes.length) {
      // Mostly packet-sized records, and one of 6 MB, more than the initial 4 MB window.
      const want = records === 500 ? 6 << 20 : 1 + Math.floor(rand() * 1600);
      const n = Math.min(want, bytes.length - offset);
      expect(await cb.ensure(n)).toBe(true);
      expect(cb.offset).toBe(offset);
      if (cb.buf.length > 4 << 20) grew = true;
      const got = cb.buf.subarray(cb.pos, cb.pos + n);
      expect(got[0]).toBe(bytes[offset]);
      expect(got[n - 1]).toBe(bytes[offset + n - 1]);
      expect(Buffer.compare(got, bytes.subarray(offset, offset + n))).toBe(0);
      cb.pos += n;
      offset += n;
      records++;
    }
    expect(grew).toBe(true);
    expect(await cb.ensure(1)).toBe(false);
    expect(cb.eof).toBe(true);
    expect(src.landed.length).toBeGreaterThanOrEqual(12);
    expect(src.landed.filter((at) => at % 8 !== 0)).toEqual([]);
  });

  it('keeps a record cut short by the end of the source available, and says it is short', async () => {
    const bytes = new Uint8Array(100).map((_, i) => i);
    const cb = new ChunkBuffer(new ArraySource(bytes, 7));
    expect(await cb.ensure(90)).toBe(true);
    cb.pos += 90;
    expect(await cb.ensure(20)).toBe(false);
    expect(cb.available).toBe(10);
    expect(cb.offset).toBe(90);
    expect(Array.from(cb.buf.subarray(cb.pos, cb.end))).toEqual([90, 91, 92, 93, 94, 95, 96, 97, 98, 99]);
  });
});
