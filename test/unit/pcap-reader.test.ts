import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readCaptureFile } from '../../electron/capture/capture-file';
import { CaptureFormatError } from '../../electron/capture/capture-errors';
import type { PacketRecord } from '../../electron/capture/packet-record';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface Rec {
  sec: number;
  frac: number;
  data: number[];
  orig?: number;
}

/** Hand-built pcap bytes, so each header variant is exactly what the test says. */
function pcapBytes(magic: number, littleEndian: boolean, recs: Rec[], linkType = 1): Uint8Array {
  const size = 24 + recs.reduce((n, r) => n + 16 + r.data.length, 0);
  const v = new DataView(new ArrayBuffer(size));
  v.setUint32(0, magic, littleEndian);
  v.setUint16(4, 2, littleEndian);
  v.setUint16(6, 4, littleEndian);
  v.setUint32(16, 65535, littleEndian);
  v.setUint32(20, linkType, littleEndian);
  let o = 24;
  for (const r of recs) {
    v.setUint32(o, r.sec, littleEndian);
    v.setUint32(o + 4, r.frac, littleEndian);
    v.setUint32(o + 8, r.data.length, littleEndian);
    v.setUint32(o + 12, r.orig ?? r.data.length, littleEndian);
    r.data.forEach((b, i) => v.setUint8(o + 16 + i, b));
    o += 16 + r.data.length;
  }
  return new Uint8Array(v.buffer);
}

async function read(bytes: Uint8Array, name: string) {
  const path = tmp.path(name);
  writeFileSync(path, bytes);
  const seen: { ts: number; sec: number; nsec: number; caplen: number; wirelen: number; first: number; off: number }[] = [];
  const { stats } = await readCaptureFile(path, (r: PacketRecord) =>
    seen.push({ ts: r.ts, sec: r.tsSec, nsec: r.tsNsec, caplen: r.caplen, wirelen: r.wirelen, first: r.data[r.offset], off: r.fileOffset }),
  );
  return { stats, seen };
}

const recs: Rec[] = [
  { sec: 1700000000, frac: 250000, data: [0xaa, 1, 2, 3] },
  { sec: 1700000001, frac: 999999, data: [0xbb, 4, 5], orig: 1514 },
];

describe('classic pcap reader', () => {
  it('reads microsecond little-endian files', async () => {
    const { stats, seen } = await read(pcapBytes(0xa1b2c3d4, true, recs), 'us-le.pcap');
    expect(stats).toMatchObject({ format: 'pcap', packets: 2, partial: false, problem: null });
    expect(seen.map((s) => [s.sec, s.nsec, s.caplen, s.wirelen, s.first, s.off])).toEqual([
      [1700000000, 250000000, 4, 4, 0xaa, 24],
      [1700000001, 999999000, 3, 1514, 0xbb, 44],
    ]);
  });

  it('reads microsecond big-endian files', async () => {
    const { seen } = await read(pcapBytes(0xa1b2c3d4, false, recs), 'us-be.pcap');
    expect(seen.map((s) => [s.sec, s.nsec, s.wirelen])).toEqual([
      [1700000000, 250000000, 4],
      [1700000001, 999999000, 1514],
    ]);
  });

  it('reads nanosecond files in both byte orders', async () => {
    const ns: Rec[] = [{ sec: 1700000000, frac: 123456789, data: [1, 2] }];
    for (const le of [true, false]) {
      const { seen } = await read(pcapBytes(0xa1b23c4d, le, ns), `ns-${le}.pcap`);
      expect(seen.map((s) => [s.sec, s.nsec])).toEqual([[1700000000, 123456789]]);
    }
  });

  it('keeps the records before a cut and marks the file partial', async () => {
    const full = pcapBytes(0xa1b2c3d4, true, recs);
    const { stats, seen } = await read(full.subarray(0, full.length - 2), 'cut.pcap');
    expect(seen.length).toBe(1);
    expect(stats.partial).toBe(true);
    expect(stats.problem).toMatch(/ends inside record 2 \(at byte 44/);
  });

  it('stops at a record claiming an impossible length, keeping what came before', async () => {
    const bytes = pcapBytes(0xa1b2c3d4, true, recs);
    new DataView(bytes.buffer).setUint32(44 + 8, 0x7fffffff, true);
    const { stats, seen } = await read(bytes, 'huge.pcap');
    expect(seen.length).toBe(1);
    expect(stats.partial).toBe(true);
    expect(stats.problem).toMatch(/record 2 at byte 44 claims 2147483647 captured bytes/);
  });

  it('reads a record split across the reader\'s chunks', async () => {
    // 3000 records of 2000 bytes: 6 MB, so records straddle the 4 MB chunk boundary.
    const many: Rec[] = Array.from({ length: 3000 }, (_, i) => ({ sec: 1700000000 + i, frac: 0, data: new Array(2000).fill(i & 255) }));
    const { stats, seen } = await read(pcapBytes(0xa1b2c3d4, true, many), 'big.pcap');
    expect(stats.packets).toBe(3000);
    expect(seen.every((s, i) => s.first === (i & 255) && s.sec === 1700000000 + i)).toBe(true);
  });

  it('throws a CaptureFormatError naming the file when it is not a capture', async () => {
    const path = tmp.path('notes.txt');
    writeFileSync(path, 'hello, this is not a capture');
    await expect(readCaptureFile(path, () => undefined)).rejects.toThrow(CaptureFormatError);
    await expect(readCaptureFile(path, () => undefined)).rejects.toThrow(`${path}: not a capture file`);
  });

  it('reads a gzip-compressed pcap', async () => {
    const { gzipSync } = await import('node:zlib');
    const path = tmp.path('c.pcap.gz');
    writeFileSync(path, gzipSync(pcapBytes(0xa1b2c3d4, true, recs)));
    const seen: number[] = [];
    const r = await readCaptureFile(path, (rec) => seen.push(rec.wirelen));
    expect(r.compressed).toBe(true);
    expect(seen).toEqual([4, 1514]);
    expect(readFileSync(path)[0]).toBe(0x1f);
  });
});
