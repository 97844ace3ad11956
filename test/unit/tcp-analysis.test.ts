import { describe, expect, it } from 'vitest';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_SYN } from '../../electron/dissect/tcp';
import { TcpAnalyzer, TcpSegment } from '../../electron/flows/tcp-analysis';
import { TcpFlag } from '../../electron/flows/tcp-analysis-flags';
import { SCALE_NONE } from '../../electron/flows/tcp-direction-state';
import { seqAdd, seqGt, seqLe, seqLt, u64Less } from '../../electron/flows/tcp-seq';

describe('32-bit sequence arithmetic', () => {
  it('orders across the wrap', () => {
    expect(seqLt(0xfffffff0, 0x10)).toBe(true);
    expect(seqGt(0x10, 0xfffffff0)).toBe(true);
    expect(seqLt(0x10, 0xfffffff0)).toBe(false);
    expect(seqLe(5, 5)).toBe(true);
    expect(seqAdd(0xffffffff, 2)).toBe(1);
  });

  it('compares like an unsigned 64-bit value: a negative time difference is huge', () => {
    expect(u64Less(5, 10)).toBe(true);
    expect(u64Less(-5, 10)).toBe(false);
    expect(u64Less(5, -10)).toBe(true);
    expect(u64Less(-10, -5)).toBe(true);
  });
});

/** Feeds segments to one analyzer: [fromSource, flags, seq, ack, len, window, windowScale, seconds]. */
function analyze(a: TcpAnalyzer, steps: [boolean, number, number, number, number, number, number, number][]): number[] {
  const s = new TcpSegment();
  return steps.map(([src, flags, seq, ack, len, win, ws, t]) => {
    Object.assign(s, { flags, seq, ack, len, window: win, windowScale: ws, sec: 1_700_000_000 + Math.floor(t), nsec: Math.round((t % 1) * 1e9) });
    return a.analyze(s, src);
  });
}

describe('TcpAnalyzer state', () => {
  it('counts SYN and FIN as one sequence number each', () => {
    const a = new TcpAnalyzer();
    analyze(a, [[true, TCP_SYN, 1000, 0, 0, 100, -1, 0]]);
    expect(a.src.nextSeq).toBe(1001);
    analyze(a, [[true, TCP_FIN | TCP_ACK, 1001, 1, 0, 100, -1, 1]]);
    expect(a.src.nextSeq).toBe(1002);
  });

  it('keeps the window scale of both SYNs, caps it at 14, and disables it when one side lacks it', () => {
    const a = new TcpAnalyzer();
    analyze(a, [[true, TCP_SYN, 1000, 0, 0, 100, 15, 0], [false, TCP_SYN | TCP_ACK, 5000, 1001, 0, 100, 3, 0.01]]);
    expect([a.src.winScale, a.dst.winScale]).toEqual([14, 3]);
    const b = new TcpAnalyzer();
    analyze(b, [[true, TCP_SYN, 1000, 0, 0, 100, 7, 0], [false, TCP_SYN | TCP_ACK, 5000, 1001, 0, 100, -1, 0.01]]);
    expect([b.src.winScale, b.dst.winScale]).toEqual([SCALE_NONE, SCALE_NONE]);
  });

  it('wraps nextseq past 2^32 and flags the hole after it', () => {
    const a = new TcpAnalyzer();
    const flags = analyze(a, [
      [true, TCP_PSH | TCP_ACK, 0xfffffff0, 1, 0x20, 100, -1, 0],
      [true, TCP_PSH | TCP_ACK, 0x20, 1, 0x10, 100, -1, 1],
    ]);
    expect(flags).toEqual([0, TcpFlag.LostSegment]);
    expect(a.src.nextSeq).toBe(0x30);
  });

  it('starts over after reset()', () => {
    const a = new TcpAnalyzer();
    analyze(a, [[true, TCP_PSH | TCP_ACK, 1000, 1, 10, 100, -1, 0]]);
    a.reset();
    expect([a.src.nextSeq, a.src.baseSeqSet, a.dst.window]).toEqual([0, false, 0xffffffff]);
  });
});
