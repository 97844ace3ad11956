import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { FileHashThread } from '../../electron/capture/file-hash-thread';
import { corpus } from '../support/corpus';
import { tempDir } from '../support/tmp';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('FileHashThread', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('gives the SHA-256 and size of the file as it is on disk (a gzip capture: its compressed bytes)', async () => {
    const path = corpus('robustness/zeek/trunc/mpls-6in6-broken.pcap.gz');
    const r = await new FileHashThread(path).result();
    expect(r).toEqual({ sha256: sha256(path), size: readFileSync(path).length, changed: false });
  });

  it('hashes files of several read chunks, and an empty file', async () => {
    const big = tmp.path('big.bin');
    const bytes = Buffer.alloc((3 << 20) + 12345);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
    writeFileSync(big, bytes);
    const empty = tmp.path('empty.bin');
    writeFileSync(empty, '');
    expect(await new FileHashThread(big).result()).toEqual({ sha256: sha256(big), size: bytes.length, changed: false });
    expect(await new FileHashThread(empty).result()).toEqual({ sha256: createHash('sha256').digest('hex'), size: 0, changed: false });
  });

  it('rejects with the path and the reason when the file cannot be read', async () => {
    const path = tmp.path('missing.pcap');
    await expect(new FileHashThread(path).result()).rejects.toThrow(`${path}: cannot hash: ENOENT`);
  });

  it('with shared reads, hands the reader exactly the bytes it hashed, through a ring that wraps many times', async () => {
    const path = tmp.path('shared.bin');
    const bytes = Buffer.alloc((11 << 20) + 777);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 40503) >>> 8;
    writeFileSync(path, bytes);
    const h = new FileHashThread(path, { shareReads: true });
    const got = Buffer.alloc(bytes.length + 10);
    let end = 0;
    // Odd request sizes, as a reader asking for whatever its buffer has room for.
    for (let ask = 1; ; ask = (ask * 7 + 12345) % 3_000_000 || 1) {
      const n = await h.source!.read(got, end, Math.min(ask, got.length - end));
      if (n === 0) break;
      end += n;
    }
    expect(end).toBe(bytes.length);
    expect(got.subarray(0, end).equals(bytes)).toBe(true);
    expect(h.source!.consumed).toBe(bytes.length);
    expect(await h.result()).toEqual({ sha256: sha256(path), size: bytes.length, changed: false });
  });

  it('with shared reads, a reader whose thread failed or was cancelled gets an error naming the file, not a hang', async () => {
    expect(() => new FileHashThread(tmp.path('never-there.pcap'), { shareReads: true })).toThrow('ENOENT');
    // A directory opens, then fails on its first read, in the thread.
    const dir = tmp.path('');
    const failed = new FileHashThread(dir, { shareReads: true });
    await expect(failed.source!.read(Buffer.alloc(100), 0, 100)).rejects.toThrow(`${dir}: the reading thread stopped after 0 bytes`);
    await expect(failed.result()).rejects.toThrow(`${dir}: cannot hash: EISDIR`);

    const big = tmp.path('big-cancel.bin');
    writeFileSync(big, Buffer.alloc(8 << 20, 1));
    const c = new FileHashThread(big, { shareReads: true });
    const buf = Buffer.alloc(1 << 20);
    expect(await c.source!.read(buf, 0, buf.length)).toBe(1 << 20);
    c.cancel();
    // The slots already read may still be handed out; after them the reader is told the thread stopped.
    await expect((async () => {
      for (;;) if ((await c.source!.read(buf, 0, buf.length)) === 0) return 'ended';
    })()).rejects.toThrow(`${big}: the reading thread stopped after`);
  });

  it('with shared reads, hashes the whole file when the reader stops early (damage after the first slot)', async () => {
    const path = tmp.path('stops-early.bin');
    const bytes = Buffer.alloc((9 << 20) + 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2246822519) >>> 27;
    writeFileSync(path, bytes);
    const h = new FileHashThread(path, { shareReads: true });
    expect(await h.source!.read(Buffer.alloc(1 << 20), 0, 1 << 20)).toBe(1 << 20);
    // The reader found damage here: it reads no more, and the ring's later slots are never taken.
    h.source!.close();
    expect(await h.result()).toEqual({ sha256: sha256(path), size: bytes.length, changed: false });
  });
});
