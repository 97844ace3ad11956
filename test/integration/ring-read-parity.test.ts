import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCaptureFile } from '../../electron/capture/capture-file';
import { CaptureFormatError } from '../../electron/capture/capture-errors';
import type { PacketRecord } from '../../electron/capture/packet-record';
import { generateMixedTraffic } from '../generators/mixed-traffic';
import { corpus } from '../support/corpus';
import { corpusFiles, isCaptureName } from '../support/corpus-files';
import { tempDir } from '../support/tmp';

/** Everything a reader hands the engine, folded into one digest, with the read's outcome. */
async function readAll(path: string, digest: boolean): Promise<string> {
  const h = createHash('sha256');
  const head = new DataView(new ArrayBuffer(40));
  const sink = (rec: PacketRecord) => {
    head.setFloat64(0, rec.index);
    head.setFloat64(8, rec.fileOffset);
    head.setFloat64(16, rec.tsSec * 1e9 + rec.tsNsec);
    head.setUint32(24, rec.caplen);
    head.setUint32(28, rec.wirelen);
    head.setUint32(32, rec.linkType);
    head.setUint32(36, rec.interfaceId);
    h.update(new Uint8Array(head.buffer));
    h.update(rec.data.subarray(rec.offset, rec.offset + rec.caplen));
    if (rec.comment !== null) h.update(rec.comment);
  };
  try {
    const { stats, digest: hash } = await readCaptureFile(path, sink, { digest });
    if (hash) await hash.result();
    return `${h.digest('hex')} ${stats.packets} ${stats.partial} ${stats.problem ?? ''}`;
  } catch (err) {
    if (err instanceof CaptureFormatError) return `refused: ${err.message}`;
    throw err;
  }
}

/**
 * An import reads a plain capture through the hashing thread's ring (the slots
 * copied out by RingSource into the ChunkBuffer); everything else reads the file
 * itself. Both must hand the engine the very same records, damage included.
 */
describe('capture reading through the hashing thread’s ring', () => {
  const tmp = tempDir();
  const big = tmp.path('mixed.pcap');
  const bigNg = tmp.path('mixed.pcapng');
  beforeAll(() => {
    // About 20 MB: twenty ring slots, with records across every slot boundary.
    generateMixedTraffic({ seed: 7, packets: 30_000, out: big });
    execFileSync('editcap', ['-F', 'pcapng', big, bigNg]);
  });
  afterAll(() => tmp.cleanup());

  it('gives the records of a multi-slot pcap and pcapng exactly as a plain read does', async () => {
    for (const f of [big, bigNg]) {
      const plain = await readAll(f, false);
      expect(plain).toMatch(/ 30000 false $/);
      expect(await readAll(f, true), f).toBe(plain);
    }
  });

  it('gives the records of every corpus capture (damaged ones included) exactly as a plain read does', async () => {
    const files = corpusFiles().filter((f) => isCaptureName(f) && !f.endsWith('.gz'));
    expect(files.length).toBeGreaterThan(1000);
    const differ: string[] = [];
    for (const f of files) {
      const plain = await readAll(corpus(f), false);
      const ring = await readAll(corpus(f), true);
      if (ring !== plain) differ.push(`${f}: ${plain} ≠ ${ring}`);
    }
    expect(differ).toEqual([]);
  }, 300_000);
});
