import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowValue } from '../../electron/flows/flow-row';
import { TcpFlag } from '../../electron/flows/tcp-analysis-flags';
import { corpus, manifest } from '../support/corpus';
import { field, noTimeouts, runEngine } from '../support/engine-run';
import { tempDir } from '../support/tmp';
import { hasTshark } from '../support/tshark';
import { tsharkTcpCached, type TsharkTcpView } from '../support/tshark-tcp-analysis';
import { EXCEPTIONS, type Counter, type Counts } from './tcp-analysis-exceptions';

/**
 * Each counter column and the tcp.analysis field of the frames tshark counts
 * for it (resets: tcp.flags.reset). Retransmissions count the frames with
 * tcp.analysis.retransmission itself: tshark adds that field to fast and
 * spurious retransmissions too, which our column includes.
 */
const COUNTERS: readonly (readonly [Counter, number])[] = [
  ['retransmissions', TcpFlag.Retransmission],
  ['fast_retransmissions', TcpFlag.FastRetransmission],
  ['spurious_retransmissions', TcpFlag.SpuriousRetransmission],
  ['out_of_order', TcpFlag.OutOfOrder],
  ['dup_acks', TcpFlag.DuplicateAck],
  ['zero_windows', TcpFlag.ZeroWindow],
  ['window_full', TcpFlag.WindowFull],
  ['keep_alives', TcpFlag.KeepAlive],
  ['lost_segments', TcpFlag.LostSegment],
  ['resets', 0],
];

function tsharkCounts(v: TsharkTcpView): Counts {
  const out = {} as Counts;
  for (const [name, bits] of COUNTERS) {
    if (name === 'resets') out[name] = v.resets;
    else out[name] = [...v.flags.values()].filter((f) => f & bits).length;
  }
  return out;
}

function ourCounts(rows: FlowValue[][]): Counts {
  const out = {} as Counts;
  for (const [name] of COUNTERS) {
    out[name] = rows.reduce((sum, r) => sum + ((field(r, name) as number | null) ?? 0), 0);
  }
  return out;
}

/** Every capture in the corpus (the manifest also lists tools' result files, which have no link type). */
const captures = manifest().filter((e) => e.linkType !== '').map((e) => e.path);

describe('per-file TCP analysis totals equal tshark 4.0 (tshark -Y tcp.analysis.<flag> | wc -l)', () => {
  const tmp = tempDir();
  const stats = { compared: 0, noTcp: 0, exceptions: 0 };
  /** Per counter: captures where our total equals tshark's, and captures where tshark's is not zero. */
  const equal = new Map<Counter, { same: number; nonZero: number }>(COUNTERS.map(([n]) => [n, { same: 0, nonZero: 0 }]));
  beforeAll(() => {
    expect(hasTshark(), 'tshark is the reference for these tests: apt-get install tshark').toBe(true);
  });
  afterAll(() => {
    tmp.cleanup();
    console.log(`TCP analysis parity: ${stats.compared} captures with TCP compared (${stats.exceptions} with documented exceptions), ${stats.noTcp} without TCP`);
    for (const [name, e] of equal) console.log(`  ${name}: equal in ${e.same}/${stats.compared} captures (tshark non-zero in ${e.nonZero})`);
  });

  it('lists only exceptions that exist in the corpus', () => {
    for (const e of EXCEPTIONS) expect(captures, e.capture).toContain(e.capture);
  });

  // Concurrent: most of the time is tshark starting up, and several run at once.
  it.concurrent.for(captures)('%s', async (rel, { expect }) => {
    const file = corpus(rel);
    const theirs = await tsharkTcpCached(file);
    if (theirs.tcpFrames === 0) {
      stats.noTcp++;
      return;
    }
    const readable = file;
    const exception = EXCEPTIONS.find((e) => e.capture === rel);
    expect(readable, `editcap cannot convert ${rel} for the engine`).toBeDefined();
    stats.compared++;
    const ours = ourCounts((await runEngine(readable!)).rows);
    const expected = tsharkCounts(theirs);
    for (const [name] of COUNTERS) {
      const e = equal.get(name)!;
      if (ours[name] === expected[name]) e.same++;
      if (expected[name] !== 0) e.nonZero++;
    }
    if (!exception) {
      expect({ rel, ...ours }).toEqual({ rel, ...expected });
      return;
    }
    stats.exceptions++;
    // The documented difference, exactly: both sides' numbers for the named counters, equality elsewhere.
    for (const [name] of COUNTERS) {
      if (name in exception.tshark) {
        expect({ rel, name, ours: ours[name], tshark: expected[name] }).toEqual({ rel, name, ours: exception.ours[name], tshark: exception.tshark[name] });
      } else {
        expect({ rel, name, ours: ours[name] }).toEqual({ rel, name, ours: expected[name] });
      }
    }
    if (exception.kind === 'flow-split') {
      // Without the engine's timeouts one flow spans the whole conversation, and the totals agree.
      const whole = ourCounts((await runEngine(readable!, noTimeouts)).rows);
      expect({ rel, ...whole }).toEqual({ rel, ...expected });
    }
  });
});
