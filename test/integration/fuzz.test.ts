import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CaptureFormatError } from '../../electron/capture/capture-errors';
import { readCaptureFile } from '../../electron/capture/capture-file';
import { FlowEngine } from '../../electron/flows/flow-engine';
import { Random } from '../generators/random';
import { corpus } from '../support/corpus';
import { tempDir } from '../support/tmp';

const tmp = tempDir('flowsight-fuzz-');
afterAll(() => tmp.cleanup());

// Fixed, so a failure replays; FLOWSIGHT_FUZZ_SEED explores others.
const SEED = Number(process.env.FLOWSIGHT_FUZZ_SEED ?? 0x5eed_2024);
const RUNS = 480;
const BUDGET_MS = 20_000;

/** A handful of corpus captures: pcap and pcapng, both byte orders, several link types and sections, gzip. */
const sources = [
  'apps/ndpi/pcap/1kxun.pcap',
  'robustness/tcpdump/forces3.pcap',
  'apps/ndpi/pcap/rtp.pcapng',
  'apps/ndpi/pcap/quic-v2.pcapng',
  'robustness/zeek/pcapng-multi-interface.pcapng',
  'robustness/pcapng-test-generator/output_be/difficult/test202.pcapng',
  'robustness/pcapng-test-generator/output_le/advanced/test102.pcapng',
  'robustness/zeek/trunc/mpls-6in6-broken.pcap.gz',
];

interface Source {
  name: string;
  gz: boolean;
  /** The capture as stored, and its decompressed bytes. */
  stored: Uint8Array;
  plain: Uint8Array;
  packets: number;
}

/** Where the length fields are: pcap record headers (caplen) or pcapng block headers and trailers. */
function lengthFields(b: Uint8Array): number[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: number[] = [];
  if (v.getUint32(0) === 0x0a0d0d0a) {
    let le = true;
    for (let o = 0; o + 12 <= b.length; ) {
      if (v.getUint32(o) === 0x0a0d0d0a) le = v.getUint32(o + 8, true) === 0x1a2b3c4d;
      const len = v.getUint32(o + 4, le);
      out.push(o + 4, o + len - 4);
      o += len;
    }
  } else {
    const le = v.getUint32(0, true) === 0xa1b2c3d4 || v.getUint32(0, true) === 0xa1b23c4d;
    for (let o = 24; o + 16 <= b.length; o += 16 + v.getUint32(o + 8, le)) out.push(o + 8);
  }
  return out;
}

type Mutation = 'flip' | 'truncate' | 'length';

function mutate(rnd: Random, s: Source, kind: Mutation): Uint8Array {
  if (kind === 'length') {
    // Block-length corruption works on the capture itself; a .gz is recompressed.
    const b = Uint8Array.from(s.plain);
    const v = new DataView(b.buffer);
    const at = rnd.pick(lengthFields(b));
    const old = v.getUint32(at, true);
    const value = rnd.pick([0, 1, 11, 0xffffffff, 0x7fffffff, 262_145, old + 1, old + 4, old - 4, rnd.int(0, 0xffffffff)]);
    // The field's byte order is unknown here: either way it is a wrong length.
    v.setUint32(at, value >>> 0, rnd.chance(0.5));
    return s.gz ? gzipSync(b) : b;
  }
  const b = Uint8Array.from(s.stored);
  if (kind === 'truncate') return b.subarray(0, rnd.int(0, b.length - 1));
  const flips = rnd.int(1, 8);
  for (let i = 0; i < flips; i++) b[rnd.int(0, b.length - 1)] ^= rnd.int(1, 255);
  return b;
}

async function readThrough(path: string): Promise<{ packets: number; partial: boolean } | CaptureFormatError> {
  const engine = new FlowEngine();
  try {
    const { stats } = await readCaptureFile(path, engine.onPacket);
    engine.finishAll();
    expect(engine.counters.packets).toBe(stats.packets);
    return { packets: stats.packets, partial: stats.partial };
  } catch (err) {
    if (err instanceof CaptureFormatError) return err;
    throw err;
  }
}

describe('fuzzing the readers and the engine with damaged corpus captures', () => {
  it(`${RUNS} seeded runs of byte flips, truncations and length corruptions: only CaptureFormatError, never more packets`, async () => {
    const loaded: Source[] = [];
    for (const rel of sources) {
      const stored = readFileSync(corpus(rel));
      const gz = rel.endsWith('.gz');
      const path = tmp.path(`orig-${loaded.length}`);
      writeFileSync(path, stored);
      const r = await readThrough(path);
      expect(r).not.toBeInstanceOf(CaptureFormatError);
      loaded.push({ name: rel, gz, stored, plain: gz ? gunzipSync(stored) : stored, packets: (r as { packets: number }).packets });
    }
    // And a gzip-compressed pcapng, made here.
    const ng = loaded[2];
    loaded.push({ name: `${ng.name}.gz`, gz: true, stored: gzipSync(ng.plain), plain: ng.plain, packets: ng.packets });

    const rnd = new Random(SEED);
    const outcomes = { refused: 0, partial: 0, complete: 0, fewer: 0 };
    const started = performance.now();
    for (let run = 0; run < RUNS; run++) {
      const s = rnd.pick(loaded);
      const kind = rnd.pick<Mutation>(['flip', 'truncate', 'length']);
      const path = tmp.path(`run-${run}`);
      writeFileSync(path, mutate(rnd, s, kind));
      const r = await readThrough(path);
      if (r instanceof CaptureFormatError) {
        outcomes.refused++;
        expect(r.file).toBe(path);
        continue;
      }
      expect({ run, source: s.name, kind, moreThanOriginal: r.packets > s.packets }).toEqual({ run, source: s.name, kind, moreThanOriginal: false });
      if (r.partial) outcomes.partial++;
      else outcomes.complete++;
      if (r.packets < s.packets) outcomes.fewer++;
    }
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(BUDGET_MS);
    // Every kind of outcome happened: the mutations reach the damage paths.
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.partial).toBeGreaterThan(RUNS / 4);
    expect(outcomes.complete).toBeGreaterThan(0);
    expect(outcomes.fewer).toBeGreaterThan(RUNS / 4);
  }, 60_000);
});
