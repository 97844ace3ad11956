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
});
