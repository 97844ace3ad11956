import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureFormatError } from '../../electron/capture/capture-errors';
import { readCaptureFile } from '../../electron/capture/capture-file';
import { FlowEngine } from '../../electron/flows/flow-engine';
import { corpus, manifest, repoRoot } from '../support/corpus';
import { corpusFiles, isCaptureName, manifestPackets } from '../support/corpus-files';
import { hasTshark } from '../support/tshark';
import { cachedTshark, tsharkFrames, tsharkFramesAll, type TsharkRead } from '../support/tshark-frames';

/**
 * Wireshark's WTAP_ENCAP numbers (wiretap/wtap.h, 4.0), which tshark prints as
 * frame.encap_type, for the link types in the corpus: tshark names no DLT.
 */
const wtapEncap: Record<number, number> = {
  0: 15, 1: 1, 8: 3, 9: 4, 10: 6, 50: 4, 100: 10, 101: 7, 104: 28, 105: 20, 106: 11, 107: 26, 113: 25, 123: 13,
  127: 23, 129: 9, 137: 67, 149: 47, 160: 58, 178: 83, 195: 104, 226: 124, 228: 129, 229: 130, 230: 127, 231: 146,
  239: 141, 242: 180, 258: 171, 271: 185, 276: 210,
};

/**
 * Classic pcap files whose records carry a fraction of a second of 10^6 µs or
 * 10^9 ns or more (crafted). Wireshark multiplies the fraction into a 32-bit
 * nanosecond field, which wraps; Flowsight carries the excess into the seconds.
 */
const invalidFractions = [
  'robustness/tcpdump/atm-oam-loopback-print-overrun.pcap',
  'robustness/tcpdump/rx_serviceid_oobr.pcap',
  'robustness/tcpdump/timestamp_invalid_micro.pcap',
  'robustness/tcpdump/timestamp_invalid_nano.pcap',
];

interface OurRecord {
  sec: number;
  nsec: number;
  linkType: number;
  iface: number;
  comment: string | null;
  fileOffset: number;
}

async function readOurs(file: string) {
  const recs: OurRecord[] = [];
  const { stats } = await readCaptureFile(file, (r) => recs.push({ sec: r.tsSec, nsec: r.tsNsec, linkType: r.linkType, iface: r.interfaceId, comment: r.comment, fileOffset: r.fileOffset }));
  return { stats, recs };
}

const epoch = (sec: number, nsec: number) => `${sec}.${String(nsec).padStart(9, '0')}`;

/** The raw timestamp words of a classic pcap record, carried the way Flowsight carries them. */
function carriedPcapTime(file: string, recordOffset: number): string {
  const b = readFileSync(file);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const le = v.getUint32(0, true) === 0xa1b2c3d4 || v.getUint32(0, true) === 0xa1b23c4d;
  const scale = v.getUint32(0, le) === 0xa1b23c4d ? 1n : 1000n;
  const ns = BigInt(v.getUint32(recordOffset, le)) * 1_000_000_000n + BigInt(v.getUint32(recordOffset + 4, le)) * scale;
  return epoch(Number(ns / 1_000_000_000n), Number(ns % 1_000_000_000n));
}

const captures = corpusFiles().filter(isCaptureName);

describe('every corpus capture reads as tshark reads it', () => {
  let reads = new Map<string, TsharkRead>();
  beforeAll(async () => {
    expect(hasTshark(), 'tshark is the reference for these tests: apt-get install tshark').toBe(true);
    // The first run asks tshark about ~1200 files (a few minutes); later runs hit the cache.
    reads = await tsharkFramesAll(captures.map((rel) => corpus(rel)));
  }, 1_800_000);

  it(`covers the whole corpus (${captures.length} captures)`, () => {
    expect(captures.length).toBeGreaterThan(1100);
    expect(captures.filter((f) => f.endsWith('.pcapng')).length).toBeGreaterThan(130);
  });

  it.each(captures)('%s', async (rel) => {
    const file = corpus(rel);
    const theirs = reads.get(file)!;
    const { stats, recs } = await readOurs(file);
    if (theirs.error?.includes("contains record data that TShark doesn't support")) {
      // Deliberate: tshark refuses a file whose link type it cannot dissect. We read
      // its records (as many as tcpdump counts, per the MANIFEST), and the engine
      // skips each one naming the link type.
      const engine = new FlowEngine();
      const again = await readCaptureFile(file, engine.onPacket);
      expect(again.stats.partial).toBe(false);
      expect(recs.length).toBe(manifestPackets().get(rel));
      expect(engine.counters.skipped).toEqual(new Map([[`unsupported link type ${recs[0].linkType}`, recs.length]]));
      return;
    }
    // Deliberate: Wireshark 4 lists pcapng custom blocks as frames; they carry no packet, so we skip them.
    const frames = theirs.frames.filter((f) => !f.customBlock);
    expect({ packets: stats.packets, partial: stats.partial }).toEqual({ packets: frames.length, partial: theirs.error !== null });
    expect(recs.length).toBe(frames.length);
    recs.forEach((r, i) => {
      const f = frames[i];
      const ours = epoch(r.sec, r.nsec);
      if (invalidFractions.includes(rel) && f.epoch !== ours) expect(ours).toBe(carriedPcapTime(file, r.fileOffset));
      // Deliberate: an SPB has no timestamp (tshark prints none); we keep the previous packet's.
      else if (f.epoch !== '') expect({ i, t: ours }).toEqual({ i, t: f.epoch });
      expect({ i, comment: r.comment }).toEqual({ i, comment: f.comments.length ? f.comments.join('\n') : null });
      if (f.iface >= 0) expect({ i, iface: r.iface }).toEqual({ i, iface: f.iface });
      expect({ i, encap: wtapEncap[r.linkType] }).toEqual({ i, encap: f.encap });
    });
    // Per-link-type counts add up to the packets.
    expect([...stats.linkTypes.values()].reduce((a, b) => a + b, 0)).toBe(stats.packets);
  });
});

describe('the pcapng test-suite files hold exactly what their descriptions list', () => {
  const suite = corpusFiles('robustness/pcapng-test-generator').filter((f) => f.endsWith('.pcapng'));
  const names: Record<string, string> = { SHB: 'SHB', IDB: 'IDB', EPB: 'EPB', SPB: 'SPB', NRB: 'NRB', ISB: 'ISB', CB: 'CB', DCB: 'DCB' };

  it('has both byte orders of every test', () => {
    expect(suite.length).toBe(48);
  });

  it.each(suite)('%s', async (rel) => {
    const txt = readFileSync(corpus(rel.replace(/\.pcapng$/, '.txt')), 'utf8');
    const counts = new Map<string, number>();
    for (const m of txt.matchAll(/^\t(\w+): (\d+)$/gm)) counts.set(names[m[1]] ?? m[1], Number(m[2]));
    const sequence = /^Block sequence: (.*)$/m.exec(txt)![1].split(', ');
    expect(sequence.length).toBe([...counts.values()].reduce((a, b) => a + b, 0));
    const { stats, recs } = await readOurs(corpus(rel));
    expect(stats.blocks).toEqual(counts);
    expect(stats.packets).toBe((counts.get('EPB') ?? 0) + (counts.get('SPB') ?? 0));
    expect(stats.skipped.get('pcapng custom block (not used)') ?? 0).toBe((counts.get('CB') ?? 0) + (counts.get('DCB') ?? 0));
    expect(stats.interfaces.length).toBe(counts.get('IDB') ?? 0);
    expect(stats.interfaceStats.length).toBe(counts.get('ISB') ?? 0);
    expect(stats.partial).toBe(false);
    // Names: every address/name pair tshark resolves from the NRBs is ours too.
    const hosts = await cachedTshark('hosts', corpus(rel), () => tsharkHosts(corpus(rel)));
    for (const [address, name] of hosts) expect(stats.names).toContainEqual({ address, name });
    expect(new Set(stats.names.map((n) => n.address))).toEqual(new Set(hosts.map(([a]) => a)));
    expect(recs.length).toBe(stats.packets);
  });
});

async function tsharkHosts(file: string): Promise<[string, string][]> {
  const { tshark } = await import('../support/tshark');
  return tshark(['-n', '-r', file, '-q', '-z', 'hosts'])
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t') as [string, string]);
}

describe('every file under corpus/robustness goes through reader and engine', () => {
  const all = corpusFiles('robustness');
  const report: string[] = ['file\tresult\tpackets\tpartial\tskipped'];
  afterAll(() => {
    const dir = join(repoRoot, 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'robustness-report.tsv'), `${report.join('\n')}\n`);
  });

  it(`reads all ${all.length} files without a crash or a hang, refusing only non-captures`, async () => {
    expect(all.length).toBeGreaterThan(1000);
    const refused: string[] = [];
    let packets = 0;
    for (const rel of all) {
      const engine = new FlowEngine();
      const started = performance.now();
      try {
        const { stats } = await readCaptureFile(corpus(rel), engine.onPacket);
        engine.finishAll();
        const skipped = new Map(stats.skipped);
        for (const [k, n] of engine.counters.skipped) skipped.set(k, (skipped.get(k) ?? 0) + n);
        report.push([rel, 'read', stats.packets, stats.partial, [...skipped].map(([k, n]) => `${k}: ${n}`).join('; ')].join('\t'));
        expect(engine.counters.packets).toBe(stats.packets);
        packets += stats.packets;
      } catch (err) {
        expect(err, rel).toBeInstanceOf(CaptureFormatError);
        expect((err as CaptureFormatError).file).toBe(corpus(rel));
        refused.push(rel);
        report.push([rel, `refused: ${(err as Error).message}`, 0, '', ''].join('\t'));
      }
      // A per-file bound: the largest file here reads in well under a second.
      expect({ rel, slow: performance.now() - started > 5000 }).toEqual({ rel, slow: false });
    }
    expect(refused).toEqual(all.filter((f) => !isCaptureName(f)));
    expect(refused.every((f) => f.endsWith('.txt'))).toBe(true);
    // The MANIFEST's packet counts (custom blocks excluded) add up to what we read.
    const listed = [...manifestPackets()].filter(([path]) => path.startsWith('robustness/'));
    expect(listed.length).toBe(all.length - refused.length);
    expect(packets).toBe(listed.reduce((n, [, count]) => n + count, 0));
  }, 600_000);
});

/**
 * Damaged copies of real captures: cut short, and with a record or block length
 * made impossible halfway through. tshark reads each copy too; we must stop at
 * the same record, keep everything before it and mark the file partial.
 */
describe('damaged copies of corpus captures stop where tshark stops', () => {
  const sources = [
    'apps/ndpi/pcap/1kxun.pcap',
    'robustness/tcpdump/forces3.pcap',
    'apps/ndpi/pcap/rtp.pcapng',
    'apps/ndpi/pcap/quic-v2.pcapng',
    'robustness/zeek/pcapng-multi-interface.pcapng',
    'robustness/pcapng-test-generator/output_be/difficult/test202.pcapng',
    'tcp/chrissanders/http_google.pcapng',
  ];
  const dir = join(repoRoot, 'test-results', 'damaged');

  /** Offsets of the records (pcap) or blocks (pcapng) in a file, with each one's byte order. */
  function units(b: Buffer): { at: number; le: boolean }[] {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const out: { at: number; le: boolean }[] = [];
    if (v.getUint32(0) === 0x0a0d0d0a) {
      let le = true;
      for (let o = 0; o + 12 <= b.length; ) {
        if (v.getUint32(o) === 0x0a0d0d0a) le = v.getUint32(o + 8, true) === 0x1a2b3c4d;
        out.push({ at: o, le });
        o += v.getUint32(o + 4, le);
      }
    } else {
      const le = v.getUint32(0, true) === 0xa1b2c3d4 || v.getUint32(0, true) === 0xa1b23c4d;
      for (let o = 24; o + 16 <= b.length; o += 16 + v.getUint32(o + 8, le)) out.push({ at: o, le });
    }
    return out;
  }

  function variants(rel: string): { name: string; bytes: Buffer }[] {
    const b = readFileSync(corpus(rel));
    const u = units(b);
    const mid = u[u.length >> 1];
    const ng = rel.endsWith('.pcapng');
    const withLength = (value: number, field: number) => {
      const c = Buffer.from(b);
      new DataView(c.buffer, c.byteOffset).setUint32(mid.at + field, value, mid.le);
      return c;
    };
    return [
      { name: 'cut', bytes: b.subarray(0, Math.floor(b.length * 0.6)) },
      { name: 'huge-length', bytes: withLength(0x7ffffff0, ng ? 4 : 8) },
      ...(ng ? [{ name: 'odd-length', bytes: withLength(0x00000021, 4) }] : [{ name: 'oversized-record', bytes: withLength(300_000, 8) }]),
    ];
  }

  const cases = sources.flatMap((rel) => ['cut', 'huge-length', rel.endsWith('.pcapng') ? 'odd-length' : 'oversized-record'].map((v) => [rel, v] as const));

  it.each(cases)('%s (%s)', async (rel, variant) => {
    mkdirSync(dir, { recursive: true });
    const out = join(dir, `${basename(rel)}.${variant}${rel.endsWith('.pcapng') ? '.pcapng' : '.pcap'}`);
    const v = variants(rel).find((x) => x.name === variant)!;
    // Written once, so tshark's cached answer (keyed by size and mtime) stays valid.
    if (!existsSync(out) || readFileSync(out).compare(v.bytes) !== 0) writeFileSync(out, v.bytes);
    const theirs = await tsharkFrames(out);
    expect(theirs.error, 'tshark reports the damage').toMatch(/cut short|damaged or corrupt/);
    const { stats } = await readOurs(out);
    expect(stats.partial).toBe(true);
    expect(stats.problem).toMatch(variant === 'cut' ? /cut short/ : /damaged from here|corrupt from here/);
    expect(stats.packets).toBe(theirs.frames.filter((f) => !f.customBlock).length);
    const whole = await readOurs(corpus(rel));
    expect(stats.packets).toBeLessThan(whole.stats.packets);
  });

  it('the manifest knows every source', () => {
    const known = new Set(manifest().map((m) => m.path));
    expect(sources.filter((s) => !known.has(s))).toEqual([]);
  });
});
