import { writeFileSync } from 'node:fs';
import { constants, deflateRawSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CaptureFormatError } from '../../electron/capture/capture-errors';
import { readCaptureFile, sniffCaptureFile } from '../../electron/capture/capture-file';
import type { PacketRecord } from '../../electron/capture/packet-record';
import {
  block, concat, customBlock, epb, idb, ipv4Name, ipv6Name, isb, nrb, pb, shb, spb, text, tsopt, u64opt, u8opt, type Bytes,
} from '../support/pcapng-builder';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface Seen {
  sec: number;
  nsec: number;
  caplen: number;
  wirelen: number;
  linkType: number;
  iface: number;
  comment: string | null;
  first: number;
  fileOffset: number;
  index: number;
}

let fileNo = 0;
async function read(bytes: Bytes, name = `f${fileNo++}.pcapng`) {
  const path = tmp.path(name);
  writeFileSync(path, bytes);
  const seen: Seen[] = [];
  const records = new Set<PacketRecord>();
  const r = await readCaptureFile(path, (rec) => {
    records.add(rec);
    seen.push({
      sec: rec.tsSec, nsec: rec.tsNsec, caplen: rec.caplen, wirelen: rec.wirelen, linkType: rec.linkType,
      iface: rec.interfaceId, comment: rec.comment, first: rec.data[rec.offset], fileOffset: rec.fileOffset, index: rec.index,
    });
  });
  return { stats: r.stats, seen, path, records };
}

/** Seconds and nanoseconds of a unit count, computed exactly with BigInt. */
function exact(units: bigint, perSecond: bigint): [number, number] {
  return [Number(units / perSecond), Number(((units % perSecond) * 1_000_000_000n) / perSecond)];
}

const ETH = 1;
const NULL = 0;

for (const le of [true, false]) {
  const order = le ? 'little-endian' : 'big-endian';
  describe(`pcapng reader (${order})`, () => {
    it('reads SHB, IDB and EPBs: microsecond default, lengths, link type, offsets', async () => {
      const file = concat(
        shb(le),
        idb(le, ETH, 65535),
        epb(le, { ts: 1_700_000_000_250_000n, data: [0xaa, 1, 2, 3, 4], orig: 60 }),
        epb(le, { ts: 1_700_000_001_999_999n, data: [0xbb, 5, 6] }),
      );
      const { stats, seen, records } = await read(file);
      expect(stats).toMatchObject({ format: 'pcapng', packets: 2, partial: false, problem: null });
      // SHB 28 bytes, IDB 20 bytes: the first EPB starts at byte 48 and is 32 + 8 bytes long.
      expect(seen).toEqual([
        { sec: 1700000000, nsec: 250000000, caplen: 5, wirelen: 60, linkType: ETH, iface: 0, comment: null, first: 0xaa, fileOffset: 48, index: 0 },
        { sec: 1700000001, nsec: 999999000, caplen: 3, wirelen: 3, linkType: ETH, iface: 0, comment: null, first: 0xbb, fileOffset: 88, index: 1 },
      ]);
      expect(records.size).toBe(1);
      expect(stats.blocks).toEqual(new Map([['SHB', 1], ['IDB', 1], ['EPB', 2]]));
      expect(stats.linkTypes).toEqual(new Map([[ETH, 2]]));
      // No if_tsresol: microseconds (§4.2).
      expect(stats.interfaces).toEqual([{ section: 0, interfaceId: 0, linkType: ETH, snaplen: 65535, packets: 2, time: { perSecond: 1e6, perNanosecond: 0, shift: 0, offset: 0 } }]);
      expect(stats.skipped.size).toBe(0);
    });

    it('splits timestamps exactly for every if_tsresol form, and adds if_tsoffset', async () => {
      const ns = 1_700_000_000_123_456_789n; // beyond 2^53: a plain number would lose digits
      const cases: { resol: number; perSecond: bigint; ts: bigint; offset?: bigint }[] = [
        { resol: 9, perSecond: 10n ** 9n, ts: ns },
        { resol: 3, perSecond: 1000n, ts: 1_700_000_000_999n },
        { resol: 0, perSecond: 1n, ts: 1_700_000_000n },
        { resol: 12, perSecond: 10n ** 12n, ts: 1_700_000_000_123_456_789_012n & 0xffff_ffff_ffff_ffffn },
        { resol: 0x80 | 20, perSecond: 1n << 20n, ts: (1_700_000_000n << 20n) + 777_777n },
        { resol: 0x80 | 32, perSecond: 1n << 32n, ts: (1_700_000_000n << 32n) + 0xffff_ffffn },
        { resol: 0x80 | 40, perSecond: 1n << 40n, ts: (3_000_000n << 40n) + 0x12_3456_789an },
        { resol: 6, perSecond: 10n ** 6n, ts: 250_000n, offset: 1_700_000_000n },
        { resol: 6, perSecond: 10n ** 6n, ts: 1_700_000_000_250_000n, offset: -3600n },
      ];
      const file = concat(
        shb(le),
        ...cases.map((c) => idb(le, ETH, 0, [u8opt(9, c.resol), ...(c.offset !== undefined ? [u64opt(14, c.offset, le)] : [])])),
        ...cases.map((c, i) => epb(le, { iface: i, ts: c.ts, data: [i] })),
      );
      const { seen } = await read(file);
      expect(seen.map((s) => [s.sec, s.nsec])).toEqual(
        cases.map((c) => {
          const [sec, nsec] = exact(c.ts, c.perSecond);
          return [sec + Number(c.offset ?? 0n), nsec];
        }),
      );
      expect(seen[0]).toMatchObject({ sec: 1700000000, nsec: 123456789 });
    });

    it('keeps interfaces apart: link types, snaplen, SPB and the obsolete Packet Block', async () => {
      const file = concat(
        shb(le),
        idb(le, ETH, 4, [text(2, 'eth0'), text(3, 'uplink')]),
        idb(le, NULL, 0, [text(2, 'lo0')]),
        epb(le, { iface: 1, ts: 5_000_001n, data: [0x11, 0, 0, 0, 0x45] }),
        // SPB: interface 0, cut to its 4-byte snaplen; no timestamp of its own.
        spb(le, 10, [0x22, 1, 2, 3]),
        pb(le, { iface: 1, drops: 3, ts: 7_000_000n, data: [0x33, 9], opts: [text(1, 'old block')] }),
        epb(le, { iface: 0, ts: 8_000_000n, data: [0x44, 1, 2, 3], orig: 1514 }),
      );
      const { stats, seen } = await read(file);
      expect(seen.map((s) => [s.iface, s.linkType, s.caplen, s.wirelen, s.first, s.sec, s.nsec, s.comment])).toEqual([
        [1, NULL, 5, 5, 0x11, 5, 1000, null],
        [0, ETH, 4, 10, 0x22, 5, 1000, null],
        [1, NULL, 2, 2, 0x33, 7, 0, 'old block'],
        [0, ETH, 4, 1514, 0x44, 8, 0, null],
      ]);
      expect(stats.linkTypes).toEqual(new Map([[ETH, 2], [NULL, 2]]));
      expect(stats.interfaces).toEqual([
        { section: 0, interfaceId: 0, linkType: ETH, snaplen: 4, name: 'eth0', description: 'uplink', packets: 2, time: expect.objectContaining({ offset: 0 }) },
        { section: 0, interfaceId: 1, linkType: NULL, snaplen: 0, name: 'lo0', packets: 2, time: expect.objectContaining({ offset: 0 }) },
      ]);
      expect(stats.blocks).toEqual(new Map([['SHB', 1], ['IDB', 2], ['EPB', 2], ['SPB', 1], ['PB', 1]]));
    });

    it('keeps packet comments, several joined by newlines, and only on their packet', async () => {
      const flags = { code: 2, value: [0, 0, 0, 1] };
      const file = concat(
        shb(le),
        idb(le, ETH),
        epb(le, { data: [1], opts: [text(1, 'first comment')] }),
        epb(le, { data: [2], opts: [flags, text(1, 'one'), text(1, 'twö, with a comma')] }),
        epb(le, { data: [3], opts: [flags] }),
        epb(le, { data: [4] }),
      );
      const { seen } = await read(file);
      expect(seen.map((s) => s.comment)).toEqual(['first comment', 'one\ntwö, with a comma', null, null]);
    });

    it('collects names from NRBs: IPv4 and IPv6, several names, duplicates once, other records skipped', async () => {
      const eui48 = { type: 3, value: [0, 1, 2, 3, 4, 5, ...new TextEncoder().encode('mac'), 0] };
      const file = concat(
        shb(le),
        nrb(le, [ipv4Name([192, 168, 1, 2], 'a.example', 'b.example'), eui48, ipv6Name([0xfc, 1, 0xfe, 0xed, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xbe, 0xef], 'six.example')]),
        idb(le, ETH),
        epb(le, { data: [1] }),
        nrb(le, [ipv4Name([192, 168, 1, 2], 'a.example'), ipv4Name([10, 0, 0, 1], 'c.example')], [text(1, 'nrb comment')]),
      );
      const { stats } = await read(file);
      expect(stats.names).toEqual([
        { address: '192.168.1.2', name: 'a.example' },
        { address: '192.168.1.2', name: 'b.example' },
        { address: 'fc01:feed::beef', name: 'six.example' },
        { address: '10.0.0.1', name: 'c.example' },
      ]);
      expect(stats.packets).toBe(1);
      expect(stats.blocks.get('NRB')).toBe(2);
    });

    it('reports interface statistics from ISBs with the interface they describe', async () => {
      const file = concat(
        shb(le),
        idb(le, ETH, 0, [text(2, 'eth0')]),
        idb(le, 113, 0, [u8opt(9, 9)]),
        epb(le, { data: [1] }),
        isb(le, 0, 1_700_000_010_000_000n, [
          tsopt(2, 1_700_000_000_000_000n, le), tsopt(3, 1_700_000_010_500_000n, le),
          u64opt(4, 1000n, le), u64opt(5, 7n, le), u64opt(6, 990n, le), u64opt(7, 2n, le), u64opt(8, 988n, le), text(1, 'stats'),
        ]),
        isb(le, 1, 1_700_000_020_000_000_000n, [u64opt(4, 2n ** 40n, le)]),
      );
      const { stats } = await read(file);
      expect(stats.interfaceStats).toEqual([
        { section: 0, interfaceId: 0, linkType: ETH, name: 'eth0', ts: 1700000010, start: 1700000000, end: 1700000010.5, received: 1000, dropped: 7, filterAccepted: 990, osDropped: 2, delivered: 988 },
        { section: 0, interfaceId: 1, linkType: 113, ts: 1700000020, received: 2 ** 40 },
      ]);
    });

    it('skips custom, decryption-secrets and unknown blocks, counting each with its reason', async () => {
      const file = concat(
        shb(le),
        customBlock(le, 0x00000bad, 32473, [1, 2, 3]),
        idb(le, ETH),
        block(le, 0x0000000a, new Uint8Array(12)),
        epb(le, { data: [1] }),
        customBlock(le, 0x40000bad, 32473, []),
        block(le, 0x00000777, new Uint8Array(4)),
        block(le, 0x00000777, new Uint8Array(0)),
        epb(le, { data: [2] }),
      );
      const { stats, seen } = await read(file);
      expect(seen.map((s) => s.first)).toEqual([1, 2]);
      expect(stats.partial).toBe(false);
      expect(stats.skipped).toEqual(new Map([
        ['pcapng custom block (not used)', 2],
        ['pcapng decryption secrets block (not used)', 1],
        ['pcapng block of unknown type 0x00000777', 2],
      ]));
      expect(stats.blocks).toEqual(new Map([['SHB', 1], ['CB', 1], ['IDB', 1], ['DSB', 1], ['DCB', 1], ['0x00000777', 2], ['EPB', 2]]));
    });
  });
}

describe('pcapng sections', () => {
  it('starts afresh at each SHB: byte order switches, interfaces are forgotten', async () => {
    const file = concat(
      shb(true),
      idb(true, ETH),
      idb(true, NULL),
      epb(true, { iface: 1, ts: 1_000_000n, data: [1] }),
      shb(false),
      idb(false, 101, 0, [u8opt(9, 9)]),
      epb(false, { iface: 0, ts: 2_000_000_001n, data: [2] }),
      shb(true, [], [1, 2]),
      idb(true, 113),
      epb(true, { iface: 0, ts: 3_000_000n, data: [3] }),
    );
    const { stats, seen } = await read(file);
    expect(seen.map((s) => [s.first, s.iface, s.linkType, s.sec, s.nsec])).toEqual([
      [1, 1, NULL, 1, 0],
      [2, 0, 101, 2, 1],
      [3, 0, 113, 3, 0],
    ]);
    expect(stats.interfaces.map((i) => [i.section, i.interfaceId, i.linkType, i.packets])).toEqual([
      [0, 0, ETH, 0], [0, 1, NULL, 1], [1, 0, 101, 1], [2, 0, 113, 1],
    ]);
    expect(stats.linkTypes).toEqual(new Map([[NULL, 1], [101, 1], [113, 1]]));
  });

  it('treats a packet naming an interface of an earlier section as damage', async () => {
    const file = concat(shb(true), idb(true, ETH), idb(true, ETH), epb(true, { iface: 1, data: [1] }), shb(false), idb(false, ETH), epb(false, { iface: 1, data: [2] }));
    const { stats, seen } = await read(file);
    expect(seen.map((s) => s.first)).toEqual([1]);
    // SHB 28 + 2 IDB 40 + EPB 36 + SHB 28 + IDB 20 = 152
    expect(stats.problem).toBe('block 7 (EPB) at byte 152 refers to interface 1, but its section declares only 1: the file is damaged from here');
  });
});

describe('pcapng damage', () => {
  const good = () => [shb(true), idb(true, ETH), epb(true, { ts: 1n, data: [1, 2, 3, 4] })];
  // SHB 28 + IDB 20 + EPB 36: the fourth block starts at byte 84.
  const at = 84;

  async function damaged(tail: Bytes) {
    const { stats, seen } = await read(concat(...good(), tail));
    expect(seen.map((s) => s.first)).toEqual([1]);
    expect(stats.partial).toBe(true);
    expect(stats.packets).toBe(1);
    return stats.problem;
  }

  function withLength(b: Bytes, len: number, which: 'head' | 'tail' | 'both' = 'both'): Bytes {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (which !== 'tail') v.setUint32(4, len, true);
    if (which !== 'head') v.setUint32(b.length - 4, len, true);
    return b;
  }

  it('stops at a block length that is not a multiple of 4', async () => {
    expect(await damaged(withLength(epb(true, { data: [9] }), 34, 'head'))).toBe(`block 4 (EPB) at byte ${at} claims an impossible length of 34 bytes: the file is damaged from here`);
  });

  it('stops at a block length below the 12-byte minimum', async () => {
    expect(await damaged(withLength(epb(true, { data: [9] }), 8, 'head'))).toBe(`block 4 (EPB) at byte ${at} claims an impossible length of 8 bytes: the file is damaged from here`);
  });

  it('stops at a block length beyond any real block, without trying to buffer it', async () => {
    expect(await damaged(withLength(epb(true, { data: [9] }), 0xfffffff0, 'head'))).toBe(`block 4 (EPB) at byte ${at} claims an impossible length of 4294967280 bytes: the file is damaged from here`);
  });

  it('stops at a trailing length that differs from the header', async () => {
    expect(await damaged(withLength(epb(true, { data: [9] }), 40, 'tail'))).toBe(`block 4 (EPB) at byte ${at} ends with a length (40) that differs from its header's (36): the file is damaged from here`);
  });

  it('stops at a block running past the end of the file', async () => {
    const next = epb(true, { data: [9, 9, 9, 9, 9, 9, 9, 9] });
    expect(await damaged(next.subarray(0, 20))).toBe(`the file ends inside block 4 (EPB) (at byte ${at}, 20 of 40 bytes present): it was cut short`);
  });

  it('stops at a few stray bytes after the last block', async () => {
    expect(await damaged(new Uint8Array([6, 0]))).toBe(`the file ends inside block 4 (at byte ${at}, 2 of 12 bytes present): it was cut short`);
  });

  it('treats a captured length above 262144 as corruption', async () => {
    const b = epb(true, { data: [9] });
    new DataView(b.buffer).setUint32(20, 300_000, true);
    expect(await damaged(b)).toBe(`block 4 (EPB) at byte ${at} claims 300000 captured bytes, more than the 262144-byte maximum: the file is damaged from here`);
  });

  it('stops at a captured length larger than its block', async () => {
    const b = epb(true, { data: [9] });
    new DataView(b.buffer).setUint32(20, 64, true);
    expect(await damaged(b)).toBe(`block 4 (EPB) at byte ${at} claims 64 captured bytes, more than its 36-byte block holds: the file is damaged from here`);
  });

  it('stops at an option running past the end of its block', async () => {
    const b = epb(true, { data: [9], opts: [text(1, 'abcd')] });
    new DataView(b.buffer).setUint16(34, 200, true);
    expect(await damaged(b)).toBe(`block 4 (EPB) at byte ${at} has an option (code 1) running past the end of the block: the file is damaged from here`);
  });

  it('stops at an SPB larger than its block', async () => {
    expect(await damaged(spb(true, 100, [1, 2, 3, 4]))).toBe(`block 4 (SPB) at byte ${at} holds a 100-byte packet that its 20-byte block cannot hold: the file is damaged from here`);
  });

  it('stops at a section header without byte-order magic', async () => {
    const b = shb(false);
    b[8] = 0;
    expect(await damaged(b)).toBe(`block 4 (SHB) at byte ${at} has no valid byte-order magic: the file is damaged from here`);
  });

  it('stops at a section of a version no reader supports', async () => {
    expect(await damaged(shb(true, [], [2, 0]))).toBe(`block 4 (SHB) at byte ${at} has version 2.0, which no reader supports: the file is damaged from here`);
  });

  it('stops at a packet before any interface was described', async () => {
    const { stats, seen } = await read(concat(shb(true), epb(true, { data: [1] })));
    expect(seen).toEqual([]);
    expect(stats.problem).toBe('block 2 (EPB) at byte 28 refers to interface 0, but its section declares no interface: the file is damaged from here');
  });
});

describe('pcapng: what is not a capture', () => {
  it('refuses a file whose first section header is unusable, naming the file', async () => {
    const path = tmp.path('bad-version.pcapng');
    writeFileSync(path, concat(shb(true, [], [3, 0]), idb(true, ETH)));
    await expect(readCaptureFile(path, () => undefined)).rejects.toThrow(CaptureFormatError);
    await expect(readCaptureFile(path, () => undefined)).rejects.toThrow(`${path}: not a readable pcapng file: its section header has version 3.0, which no reader supports (at byte 0)`);
  });

  it('refuses a file cut inside its first section header', async () => {
    const path = tmp.path('cut-shb.pcapng');
    writeFileSync(path, shb(true).subarray(0, 20));
    await expect(readCaptureFile(path, () => undefined)).rejects.toThrow('the file ends inside its first section header');
  });

  it('refuses the SHB type without the byte-order magic as not a capture', async () => {
    const path = tmp.path('no-magic.pcapng');
    const b = shb(true);
    b[8] = 0x99;
    writeFileSync(path, b);
    expect(() => sniffCaptureFile(path)).toThrow(CaptureFormatError);
    await expect(readCaptureFile(path, () => undefined)).rejects.toThrow('not a capture file');
  });

  it('sniffs pcapng by its section header', async () => {
    const path = tmp.path('sniff.pcapng');
    writeFileSync(path, concat(shb(false), idb(false, ETH)));
    expect(sniffCaptureFile(path)).toBe('pcapng');
  });
});

describe('pcapng streaming', () => {
  it('reads blocks straddling chunk boundaries and a block larger than the chunk buffer', async () => {
    // 3000 packets of 2000 bytes with a 5 MiB custom block in the middle: the
    // 4 MiB buffer must slide and grow.
    const packets = (from: number, n: number) => Array.from({ length: n }, (_, i) => epb(true, { ts: BigInt(from + i) * 1_000_000n, data: new Array(2000).fill((from + i) & 255) }));
    const file = concat(shb(true), idb(true, ETH), ...packets(0, 1500), customBlock(true, 0x00000bad, 1, new Uint8Array(5 << 20)), ...packets(1500, 1500));
    const { stats, seen } = await read(file);
    expect(stats).toMatchObject({ packets: 3000, partial: false });
    expect(seen.every((s, i) => s.first === (i & 255) && s.sec === i && s.caplen === 2000)).toBe(true);
    expect(stats.skipped).toEqual(new Map([['pcapng custom block (not used)', 1]]));
  });
});

describe('gzip-compressed pcapng', () => {
  const packets = Array.from({ length: 200 }, (_, i) => epb(true, { ts: BigInt(i), data: new Array(100).fill(i & 255) }));
  const plain = concat(shb(true), idb(true, ETH), ...packets);

  it('reads a .pcapng.gz', async () => {
    const path = tmp.path('c.pcapng.gz');
    writeFileSync(path, gzipSync(plain));
    const seen: number[] = [];
    const r = await readCaptureFile(path, (rec) => seen.push(rec.data[rec.offset]));
    expect(r.compressed).toBe(true);
    expect(r.stats).toMatchObject({ format: 'pcapng', packets: 200, partial: false });
    expect(seen).toEqual(packets.map((_, i) => i & 255));
  });

  it('keeps what inflated cleanly from a truncated stream and marks the file partial', async () => {
    const path = tmp.path('cut.pcapng.gz');
    const gz = gzipSync(plain, { level: 0 });
    // Stored deflate blocks: cutting the compressed file at half cuts the data near half.
    writeFileSync(path, gz.subarray(0, gz.length >> 1));
    const r = await readCaptureFile(path, () => undefined);
    const inflated = (await import('node:zlib')).gunzipSync(gz.subarray(0, gz.length >> 1), { finishFlush: constants.Z_SYNC_FLUSH });
    // Whole blocks in what inflated: SHB 28 + IDB 20, then 132-byte EPBs (12 + 20 + 100).
    const whole = Math.floor((inflated.length - 48) / 132);
    expect(whole).toBeGreaterThan(50);
    expect(r.stats.packets).toBe(whole);
    expect(r.stats.partial).toBe(true);
    expect(r.stats.problem).toMatch(/^the compressed stream is damaged: unexpected end of file \(after \d+ decompressed bytes\)$/);
  });

  it('keeps everything before a corrupt deflate block and marks the file partial', async () => {
    // A full flush after 120 packets ends the deflate data on a byte boundary; the
    // next byte is then made a block header of the reserved type 3 (RFC 1951 §3.2.3).
    const cut = 48 + 120 * 132;
    const head = deflateRawSync(plain.subarray(0, cut), { finishFlush: constants.Z_FULL_FLUSH });
    const gzipHeader = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    const path = tmp.path('corrupt.pcapng.gz');
    writeFileSync(path, concat(gzipHeader, head, new Uint8Array([0x07, 0xff, 0xff, 0xff])));
    const r = await readCaptureFile(path, () => undefined);
    expect(r.stats.packets).toBe(120);
    expect(r.stats.partial).toBe(true);
    expect(r.stats.problem).toBe(`the compressed stream is damaged: invalid block type (after ${cut} decompressed bytes)`);
  });

  it('marks a stream whose checksum is wrong partial, keeping every packet', async () => {
    const gz = gzipSync(plain);
    gz[gz.length - 8] ^= 0xff;
    const path = tmp.path('crc.pcapng.gz');
    writeFileSync(path, gz);
    const r = await readCaptureFile(path, () => undefined);
    expect(r.stats.packets).toBe(200);
    expect(r.stats.partial).toBe(true);
    expect(r.stats.problem).toMatch(/^the compressed stream is damaged: incorrect data check/);
  });
});
