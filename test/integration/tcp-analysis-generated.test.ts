import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkEndpoints } from '../../electron/flows/features/link-endpoints';
import { createTcpAnalysisFeature } from '../../electron/flows/features/tcp-analysis';
import { defaultEngineOptions } from '../../electron/flows/flow-engine';
import { ACK, FIN, PSH, SYN } from '../generators/frame-builder';
import { writeTcpScenario, type ScenarioSegment } from '../generators/tcp-scenario';
import { runEngine } from '../support/engine-run';
import { tempDir } from '../support/tmp';
import { hasTshark } from '../support/tshark';
import { asTsharkFlags, TSHARK_FLAG_FIELDS, tsharkTcp } from '../support/tshark-tcp-analysis';

const PA = PSH | ACK;
const FA = FIN | ACK;
const SA = SYN | ACK;

/** Client ISN 1000, server ISN 5000; the handshake takes 10 ms, so the out-of-order threshold is 10 ms. */
const handshake: ScenarioSegment[] = [
  { t: 0, from: 'c', seq: 1000, ack: 0, flags: SYN, win: 64240, opts: { mss: 1460, wscale: 2 } },
  { t: 0.005, from: 's', seq: 5000, ack: 1001, flags: SA, win: 65160, opts: { mss: 1460, wscale: 2 } },
  { t: 0.01, from: 'c', seq: 1001, ack: 5001, flags: ACK, win: 502 },
];

interface Scenario {
  name: string;
  segments: ScenarioSegment[];
  /** Expected flags (tcp.analysis field names without the prefix) by frame number; other frames have none. */
  expected: Record<number, string[]>;
  /** tshark's flags where they deliberately differ from ours (by segment number). */
  tshark?: Record<number, string[]>;
}

const scenarios: Scenario[] = [
  {
    name: 'a retransmission after the timeout (well beyond the handshake RTT)',
    segments: [...handshake,
      { t: 0.1, from: 'c', seq: 1001, ack: 5001, flags: PA, win: 502, len: 100 },
      { t: 0.5, from: 'c', seq: 1001, ack: 5001, flags: PA, win: 502, len: 100 },
      { t: 0.51, from: 's', seq: 5001, ack: 1101, flags: ACK, win: 509 }],
    expected: { 5: ['retransmission'] },
  },
  {
    name: 'reordering within the handshake RTT: lost segment, then out of order',
    segments: [...handshake,
      { t: 0.1, from: 'c', seq: 1101, ack: 5001, flags: PA, win: 502, len: 100 },
      { t: 0.105, from: 'c', seq: 1001, ack: 5001, flags: PA, win: 502, len: 100 },
      { t: 0.11, from: 's', seq: 5001, ack: 1201, flags: ACK, win: 509 }],
    expected: { 4: ['lost_segment'], 5: ['out_of_order'] },
  },
  {
    name: 'two duplicate ACKs, then a fast retransmission within 20 ms',
    segments: [...handshake,
      { t: 0.1, from: 'c', seq: 1001, ack: 5001, flags: PA, win: 502, len: 100 },
      { t: 0.1001, from: 'c', seq: 1101, ack: 5001, flags: PA, win: 502, len: 100 },
      { t: 0.1002, from: 'c', seq: 1201, ack: 5001, flags: PA, win: 502, len: 100 },
      { t: 0.11, from: 's', seq: 5001, ack: 1001, flags: ACK, win: 509 },
      { t: 0.111, from: 's', seq: 5001, ack: 1001, flags: ACK, win: 509 },
      { t: 0.112, from: 's', seq: 5001, ack: 1001, flags: ACK, win: 509 },
      { t: 0.115, from: 'c', seq: 1001, ack: 5001, flags: PA, win: 502, len: 100 }],
    // The first ACK repeats the SYN-ACK's ACK with a new window: a window update, then two duplicates.
    expected: { 7: ['window_update'], 8: ['duplicate_ack'], 9: ['duplicate_ack'], 10: ['retransmission', 'fast_retransmission'] },
  },
  {
    name: 'a spurious retransmission of acknowledged data',
    segments: [...handshake,
      { t: 0.1, from: 'c', seq: 1001, ack: 5001, flags: PA, win: 502, len: 100 },
      { t: 0.11, from: 's', seq: 5001, ack: 1101, flags: ACK, win: 509 },
      { t: 0.5, from: 'c', seq: 1001, ack: 5001, flags: PA, win: 502, len: 100 }],
    expected: { 6: ['retransmission', 'spurious_retransmission'] },
  },
  {
    name: 'zero window, zero-window probe and its ACK, window update',
    segments: [...handshake,
      { t: 0.1, from: 'c', seq: 1001, ack: 5001, flags: PA, win: 502, len: 100 },
      { t: 0.11, from: 's', seq: 5001, ack: 1101, flags: ACK, win: 0 },
      { t: 0.5, from: 'c', seq: 1101, ack: 5001, flags: ACK, win: 502, len: 1 },
      { t: 0.51, from: 's', seq: 5001, ack: 1101, flags: ACK, win: 0 },
      { t: 0.9, from: 's', seq: 5001, ack: 1101, flags: ACK, win: 509 },
      { t: 0.95, from: 'c', seq: 1101, ack: 5001, flags: PA, win: 502, len: 100 }],
    expected: { 5: ['zero_window'], 6: ['zero_window_probe'], 7: ['zero_window', 'zero_window_probe_ack'], 8: ['window_update'] },
  },
  {
    name: 'window full with the negotiated scale (100 << 2 bytes)',
    segments: [...handshake,
      { t: 0.02, from: 's', seq: 5001, ack: 1001, flags: ACK, win: 100 },
      { t: 0.1, from: 'c', seq: 1001, ack: 5001, flags: PA, win: 502, len: 400 }],
    expected: { 4: ['window_update'], 5: ['window_full'] },
  },
  {
    name: 'no window full while the scale is unknown (no handshake captured)',
    segments: [
      { t: 0, from: 's', seq: 5001, ack: 1001, flags: ACK, win: 100 },
      { t: 0.1, from: 'c', seq: 1001, ack: 5001, flags: PA, win: 502, len: 100 },
      { t: 0.2, from: 's', seq: 5001, ack: 1101, flags: ACK, win: 100 }],
    expected: {},
  },
  {
    name: 'window full unscaled when only the SYN offers window scaling',
    segments: [
      { t: 0, from: 'c', seq: 1000, ack: 0, flags: SYN, win: 64240, opts: { mss: 1460, wscale: 7 } },
      { t: 0.005, from: 's', seq: 5000, ack: 1001, flags: SA, win: 65160, opts: { mss: 1460 } },
      { t: 0.01, from: 'c', seq: 1001, ack: 5001, flags: ACK, win: 502 },
      { t: 0.02, from: 's', seq: 5001, ack: 1001, flags: ACK, win: 100 },
      { t: 0.1, from: 'c', seq: 1001, ack: 5001, flags: PA, win: 502, len: 100 }],
    expected: { 4: ['window_update'], 5: ['window_full'] },
  },
  {
    name: 'keep-alive one byte before the next sequence, and its ACK',
    segments: [...handshake,
      { t: 0.1, from: 'c', seq: 1001, ack: 5001, flags: PA, win: 502, len: 100 },
      { t: 0.11, from: 's', seq: 5001, ack: 1101, flags: ACK, win: 509 },
      { t: 60, from: 'c', seq: 1100, ack: 5001, flags: ACK, win: 502 },
      { t: 60.01, from: 's', seq: 5001, ack: 1101, flags: ACK, win: 509 }],
    expected: { 6: ['keep_alive'], 7: ['keep_alive_ack'] },
  },
  {
    name: 'sequence numbers wrapping past 2^32',
    segments: [
      { t: 0, from: 'c', seq: 0xffffff00, ack: 0, flags: SYN, win: 64240 },
      { t: 0.005, from: 's', seq: 5000, ack: 0xffffff01, flags: SA, win: 65160 },
      { t: 0.01, from: 'c', seq: 0xffffff01, ack: 5001, flags: ACK, win: 64240 },
      { t: 0.1, from: 'c', seq: 0xffffff01, ack: 5001, flags: PA, win: 64240, len: 0x100 },
      { t: 0.1001, from: 'c', seq: 0x101, ack: 5001, flags: PA, win: 64240, len: 100 },
      { t: 0.2, from: 's', seq: 5001, ack: 0x165, flags: ACK, win: 65000 },
      { t: 0.5, from: 'c', seq: 0x101, ack: 5001, flags: PA, win: 64240, len: 100 },
      { t: 0.6, from: 'c', seq: 0x1c9, ack: 5001, flags: PA, win: 64240, len: 100 }],
    expected: { 5: ['lost_segment'], 6: ['ack_lost_segment'], 7: ['retransmission', 'spurious_retransmission'], 8: ['lost_segment'] },
  },
  {
    name: 'SYN and FIN each take one sequence number; their repeats are retransmissions',
    segments: [...handshake,
      { t: 1, from: 'c', seq: 1000, ack: 0, flags: SYN, win: 64240 },
      { t: 1.1, from: 'c', seq: 1001, ack: 5001, flags: FA, win: 502 },
      { t: 1.11, from: 's', seq: 5001, ack: 1002, flags: FA, win: 509 },
      { t: 1.12, from: 'c', seq: 1002, ack: 5002, flags: ACK, win: 502 },
      { t: 2, from: 's', seq: 5001, ack: 1002, flags: FA, win: 509 }],
    expected: { 4: ['retransmission'], 8: ['retransmission'] },
  },
  {
    name: 'a new SYN on the same ports starts a new conversation',
    segments: [...handshake,
      { t: 0.1, from: 'c', seq: 1001, ack: 5001, flags: PA, win: 502, len: 100 },
      { t: 0.2, from: 'c', seq: 90000, ack: 0, flags: SYN, win: 64240 },
      { t: 0.21, from: 's', seq: 70000, ack: 90001, flags: SA, win: 65160 },
      { t: 0.22, from: 'c', seq: 90001, ack: 70001, flags: ACK, win: 502 },
      { t: 0.3, from: 'c', seq: 90001, ack: 70001, flags: PA, win: 502, len: 10 }],
    // The new SYN starts a new flow (a new connection, not CICFlowMeter's merge), so
    // its analysis starts afresh; Wireshark keeps one conversation and flags the SYN.
    expected: {},
    tshark: { 5: ['reused_ports'] },
  },
];

function names(bits: number): string[] {
  return TSHARK_FLAG_FIELDS.filter(([, bit]) => bits & bit).map(([name]) => name.replace('tcp.analysis.', ''));
}

describe('TCP analysis of generated scenarios: the expected flags, and tshark agrees', () => {
  const tmp = tempDir();
  beforeAll(() => {
    expect(hasTshark(), 'tshark is the reference for these tests: apt-get install tshark').toBe(true);
  });
  afterAll(() => tmp.cleanup());

  it.each(scenarios.map((s, i) => [s.name, i] as const))('%s', async (_name, i) => {
    const s = scenarios[i];
    const file = tmp.path(`scenario-${i}.pcap`);
    writeTcpScenario(file, s.segments);
    const ours: string[][] = s.segments.map(() => []);
    const tap = (index: number, flags: number): void => {
      ours[index] = names(asTsharkFlags(flags));
    };
    await runEngine(file, defaultEngineOptions, [linkEndpoints, createTcpAnalysisFeature(tap)]);
    const expected = s.segments.map((_, n) => s.expected[n + 1] ?? []);
    expect(ours).toEqual(expected);
    const theirs = await tsharkTcp(file);
    expect(s.segments.map((_, n) => names(theirs.flags.get(n + 1) ?? 0))).toEqual(s.segments.map((_, n) => (s.tshark ?? s.expected)[n + 1] ?? []));
  });
});
