import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonl, runCli } from '../support/cli';
import { flowTotals, type FlowLike, type FlowTotals } from '../support/conversations';
import { corpus } from '../support/corpus';
import { corpusFiles, isCaptureName } from '../support/corpus-files';
import { runEngine } from '../support/engine-flows';
import { tempDir } from '../support/tmp';
import { formatTsharkBytes, hasTshark } from '../support/tshark';
import { tsharkFrames, tsharkFramesAll } from '../support/tshark-frames';
import { tsharkReference, type ConvExpectation } from '../support/tshark-reference';
import { conversationDifferences } from './tshark-conversation-differences';

/** Compares Flowsight's per-5-tuple totals with tshark's (adjusted only as tsharkReference documents). */
function compare(rel: string, ours: Map<string, FlowTotals>, expected: Map<string, ConvExpectation>): void {
  const diff = conversationDifferences[rel] ?? { extra: [], missing: [], counts: [] };
  expect([...ours.keys()].filter((k) => !expected.has(k)).sort(), `${rel}: flows tshark has no conversation for`).toEqual([...diff.extra].sort());
  expect([...expected.keys()].filter((k) => !ours.has(k)).sort(), `${rel}: conversations without a flow`).toEqual([...diff.missing].sort());
  for (const [key, e] of expected) {
    const t = ours.get(key);
    if (!t || diff.counts.includes(key)) continue;
    expect({ key, frames: t.frames, fromLow: t.framesFromLow, bytes: formatTsharkBytes(t.bytes - e.extraBytes) }).toEqual({ key, frames: e.frames, fromLow: e.framesFromLow, bytes: e.bytesText });
    if (e.exactBytes !== null) expect({ key, bytes: t.bytes }).toEqual({ key, bytes: e.exactBytes + e.extraBytes });
  }
}

const captures = corpusFiles().filter(isCaptureName);

describe('every corpus capture: flows per 5-tuple equal tshark -z conv,tcp -z conv,udp', () => {
  beforeAll(async () => {
    expect(hasTshark(), 'tshark is the reference for these tests: apt-get install tshark').toBe(true);
    // One tshark pass per file, shared with the other corpus-wide tests and cached.
    await tsharkFramesAll(captures.map((rel) => corpus(rel)));
  }, 1_800_000);

  it(`covers the whole corpus (${captures.length} captures)`, () => {
    expect(captures.length).toBeGreaterThan(1100);
  });

  it.each(captures)('%s', async (rel) => {
    const file = corpus(rel);
    const read = await tsharkFrames(file);
    // tshark cannot read it (not a capture, or a link type it refuses): nothing to compare.
    if (read.frames.length === 0) return;
    const run = await runEngine(file);
    compare(rel, flowTotals(run.flows), tsharkReference(read));
  });
});

// End to end through the CLI and the case file, on captures of different kinds.
const viaCli = ['apps/ndpi/pcap/1kxun.pcap', 'apps/ndpi/pcap/http_ipv6.pcap', 'tcp/stopddos/pkt.TCP.synflood.spoofed.pcap', 'tcp/chrissanders/tcp_retransmissions.pcapng'];

describe('flowsight ingest + flows (the CLI) agree with tshark', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it.each(viaCli)('%s', async (rel) => {
    const file = corpus(rel);
    const casePath = tmp.path(`${rel.replace(/\W/g, '_')}.flowsight`);
    const ingest = runCli(['ingest', '--quiet', '--case', casePath, file]);
    expect(ingest.code, ingest.stderr).toBe(0);
    const out = runCli(['flows', '--case', casePath, '--format', 'jsonl']);
    expect(out.code, out.stderr).toBe(0);
    const expected = tsharkReference(await tsharkFrames(file));
    expect([...expected.values()].some((e) => e.exactBytes !== null)).toBe(true);
    compare(rel, flowTotals(jsonl<FlowLike>(out.stdout)), expected);
  });
});
