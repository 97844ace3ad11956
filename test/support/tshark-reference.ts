import { convKey } from './conversations';
import type { TsharkRead } from './tshark-frames';

/**
 * What Flowsight's per-5-tuple totals must be, derived from tshark's read of the
 * same file: the `-z conv,tcp -z conv,udp` tables, adjusted only for Flowsight's
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
 * Exact bytes come from the per-frame lengths (the tables round above 9999), for
 * keys where every frame names a single conversation.
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

const ICMP_ERRORS = new Set(['4:3', '4:4', '4:5', '4:11', '4:12', '6:1', '6:2', '6:3', '6:4']);

interface FrameKey {
  key: string | null;
  fromLow: boolean;
  ambiguous: boolean;
}

function ep(ip: string, port: string): string {
  return `${ip}:${port}`;
}

export function tsharkReference(read: TsharkRead): Map<string, ConvExpectation> {
  const out = new Map<string, ConvExpectation>();
  for (const c of read.conversations) {
    if (c.proto === 'udp' && (c.a.endsWith(':4789') || c.b.endsWith(':4789'))) continue;
    out.set(convKey(c.proto, c.a, c.b), { frames: c.frames, framesFromLow: c.a <= c.b ? c.framesAtoB : c.framesBtoA, bytesText: c.bytes, extraBytes: 0, exactBytes: null });
  }
  const add = (key: string, fromLow: boolean, len: number) => {
    let e = out.get(key);
    if (!e) {
      // An ICMP error quoting a packet of a conversation absent from the capture:
      // Flowsight has a flow for it, tshark no conversation.
      e = { frames: 0, framesFromLow: 0, bytesText: '0 bytes', extraBytes: 0, exactBytes: 0 };
      out.set(key, e);
    }
    e.frames += 1;
    if (fromLow) e.framesFromLow += 1;
    e.extraBytes += len;
  };

  const keys: FrameKey[] = [];
  const exact = new Map<string, number>();
  const ambiguous = new Set<string>();
  read.frames.forEach((f) => {
    const tcp = f.tcpSrcPort.length > 0;
    const proto = tcp ? 'tcp' : f.udpSrcPort.length > 0 ? 'udp' : null;
    const sp = tcp ? f.tcpSrcPort : f.udpSrcPort;
    const dp = tcp ? f.tcpDstPort : f.udpDstPort;
    const k: FrameKey = { key: null, fromLow: false, ambiguous: false };
    if (proto && f.icmpType.some((t) => ICMP_ERRORS.has(t)) && f.ipSrc.length >= 2) {
      // The quoted packet is the inner header; the error travels back to its sender.
      const a = ep(f.ipSrc[f.ipSrc.length - 1], sp[sp.length - 1]);
      const b = ep(f.ipDst[f.ipDst.length - 1], dp[dp.length - 1]);
      add(convKey(proto, a, b), b <= a, f.len);
    } else if (proto && f.ipSrc.length > 0) {
      const a = ep(f.ipSrc[0], sp[0]);
      const b = ep(f.ipDst[0], dp[0]);
      k.key = convKey(proto, a, b);
      k.fromLow = a <= b;
      k.ambiguous = f.ipSrc.length > 1 || sp.length > 1 || (f.tcpSrcPort.length > 0 && f.udpSrcPort.length > 0);
      if (k.ambiguous) ambiguous.add(k.key);
      else exact.set(k.key, (exact.get(k.key) ?? 0) + f.len);
    }
    keys.push(k);
  });
  read.frames.forEach((f, i) => {
    if (f.reassembledIn && f.reassembledIn !== i + 1) {
      const done = keys[f.reassembledIn - 1];
      if (done?.key) add(done.key, done.fromLow, f.len);
    }
  });
  for (const [key, e] of out) if (!ambiguous.has(key) && exact.has(key)) e.exactBytes = exact.get(key)!;
  return out;
}
