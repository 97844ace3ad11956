import { convKey, type FlowTotals } from './conversations';
import { tshark, tsharkConversations } from './tshark';

/**
 * What Flowsight's per-5-tuple totals must be, derived from tshark on the same
 * file: the `-z conv,tcp -z conv,udp` tables, adjusted only for Flowsight's
 * deliberate, documented differences:
 *
 * 1. ICMP errors quoting a TCP/UDP packet are counted in the quoted packet's flow
 *    (issue: "errors that carry an inner header are attributed to the inner
 *    flow"); tshark's conversation taps skip packets inside ICMP errors.
 * 2. Every IP fragment is counted in its flow; tshark reassembles and counts only
 *    the frame that completes the datagram (`ip.reassembled_in`).
 * 3. Tunnels: the inner flow is the flow, so the outer VXLAN (UDP 4789)
 *    conversation has no flow of its own.
 *
 * Exact bytes come from tshark's per-frame fields (the tables round above 9999),
 * for keys where every frame names a single conversation.
 */
export interface ConvExpectation {
  frames: number;
  framesFromLow: number;
  /** tshark's text for the conversation's bytes (before adjustments). */
  bytesText: string;
  /** Bytes added by the adjustments above. */
  extraBytes: number;
  /** tshark's exact bytes for the conversation (before adjustments), when unambiguous. */
  exactBytes: number | null;
}

const ICMP4_ERRORS = new Set(['3', '4', '5', '11', '12']);
const ICMP6_ERRORS = new Set(['1', '2', '3', '4']);

interface Frame {
  len: number;
  key: string | null;
  fromLow: boolean;
  ambiguous: boolean;
  reassembledIn: number;
  icmpErrorKey: string | null;
  icmpErrorFromLow: boolean;
}

function ep(ip: string, port: string): string {
  return `${ip}:${port}`;
}

export function tsharkReference(file: string): Map<string, ConvExpectation> {
  const convs = tsharkConversations(file);
  const out = new Map<string, ConvExpectation>();
  for (const c of convs) {
    const key = convKey(c.proto, c.a, c.b);
    if (c.proto === 'udp' && (c.a.endsWith(':4789') || c.b.endsWith(':4789'))) continue;
    out.set(key, { frames: c.frames, framesFromLow: c.a <= c.b ? c.framesAtoB : c.framesBtoA, bytesText: c.bytes, extraBytes: 0, exactBytes: null });
  }

  const fields = ['frame.number', 'frame.len', 'ip.src', 'ip.dst', 'ipv6.src', 'ipv6.dst', 'tcp.srcport', 'tcp.dstport', 'udp.srcport', 'udp.dstport', 'icmp.type', 'icmpv6.type', 'ip.reassembled_in', 'ipv6.reassembled.in'];
  const text = tshark(['-n', '-r', file, '-T', 'fields', '-E', 'separator=\t', ...fields.flatMap((f) => ['-e', f])]);
  const frames = new Map<number, Frame>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [num, len, s4, d4, s6, d6, ts, td, us, ud, icmpType, icmp6Type, r4, r6] = line.split('\t');
    const proto = ts ? 'tcp' : us ? 'udp' : null;
    const sp = (ts || us).split(',');
    const dp = (td || ud).split(',');
    const srcs = (s4 || s6).split(',');
    const dsts = (d4 || d6).split(',');
    const f: Frame = { len: Number(len), key: null, fromLow: false, ambiguous: false, reassembledIn: Number((r4 || r6).split(',')[0] || 0), icmpErrorKey: null, icmpErrorFromLow: false };
    const isIcmpError = ICMP4_ERRORS.has(icmpType.split(',')[0]) || ICMP6_ERRORS.has(icmp6Type.split(',')[0]);
    if (isIcmpError && proto && srcs.length >= 2) {
      // The quoted packet is the inner header; the error travels back to its sender.
      const a = ep(srcs[srcs.length - 1], sp[sp.length - 1]);
      const b = ep(dsts[dsts.length - 1], dp[dp.length - 1]);
      f.icmpErrorKey = convKey(proto, a, b);
      f.icmpErrorFromLow = b <= a;
    } else if (proto) {
      const a = ep(srcs[0], sp[0]);
      const b = ep(dsts[0], dp[0]);
      f.key = convKey(proto, a, b);
      f.fromLow = a <= b;
      f.ambiguous = srcs.length > 1 || sp.length > 1 || (Boolean(ts) && Boolean(us)) || (Boolean(s4) && Boolean(s6));
    }
    frames.set(Number(num), f);
  }

  const exact = new Map<string, number>();
  const ambiguous = new Set<string>();
  const add = (key: string, fromLow: boolean, len: number) => {
    let e = out.get(key);
    if (!e) {
      // An ICMP error quoting a packet of a conversation absent from the capture
      // (or a fragment of one): Flowsight has a flow for it, tshark no conversation.
      e = { frames: 0, framesFromLow: 0, bytesText: '0 bytes', extraBytes: 0, exactBytes: 0 };
      out.set(key, e);
    }
    e.frames += 1;
    if (fromLow) e.framesFromLow += 1;
    e.extraBytes += len;
  };
  for (const [num, f] of frames) {
    if (f.icmpErrorKey) add(f.icmpErrorKey, f.icmpErrorFromLow, f.len);
    if (f.reassembledIn && f.reassembledIn !== num) {
      const done = frames.get(f.reassembledIn);
      if (done?.key) add(done.key, done.fromLow, f.len);
    }
    if (f.key) {
      if (f.ambiguous) ambiguous.add(f.key);
      else exact.set(f.key, (exact.get(f.key) ?? 0) + f.len);
    }
  }
  for (const [key, e] of out) if (!ambiguous.has(key) && exact.has(key)) e.exactBytes = exact.get(key)!;
  return out;
}

export type { FlowTotals };
