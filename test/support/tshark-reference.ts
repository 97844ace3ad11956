import { convKey } from './conversations';
import { formatTsharkBytes } from './tshark';
import type { TsharkFrame, TsharkRead } from './tshark-frames';

/**
 * What Flowsight's per-5-tuple totals must be, derived from tshark's read of the
 * same file: the `-z conv,tcp -z conv,udp` tables, adjusted only for Flowsight's
 * deliberate, documented differences:
 *
 * 1. ICMP errors quoting a TCP/UDP packet are counted in the quoted packet's flow
 *    (issue: "errors that carry an inner header are attributed to the inner
 *    flow"); tshark's conversation taps skip packets inside ICMP errors.
 * 2. Every IP fragment is counted in its flow; tshark reassembles and counts only
 *    the frame that completes the datagram (which lists the fragments).
 * 3. Tunnels: the inner flow is the flow. A frame that a tunnel carried over UDP
 *    (VXLAN, VXLAN-GPE/NSH, Geneve, GTP-U, Teredo, AYIYA, GRE over UDP: the
 *    layers in `CARRIERS`) counts in its innermost flow only; tshark counts it in
 *    the outer UDP conversation too, which has no flow of its own where the
 *    tunnel carried nothing else.
 *
 * A frame's conversations come from its layers in order (`frame.protocols`):
 * each TCP or UDP layer with the IP layer before it. Exact bytes come from the
 * per-frame lengths (the tables round above 9999) where those frames account
 * for the table's count (tshark taps no header it found malformed), in files
 * where every frame's conversations are certain.
 */
export interface ConvExpectation {
  frames: number;
  framesFromLow: number;
  /** tshark's text for the conversation's bytes (before adjustments). */
  bytesText: string;
  /** Bytes added (or, for a tunnel's outer conversation, removed) by the adjustments above. */
  extraBytes: number;
  /** tshark's exact bytes for the conversation (before adjustments), when unambiguous. */
  exactBytes: number | null;
}

const ICMP_ERRORS = new Set(['4:3', '4:4', '4:5', '4:11', '4:12', '6:1', '6:2', '6:3', '6:4']);

/**
 * Tunnel layers Flowsight decodes when they run over UDP, and what must follow
 * for the frame to be carried (the packet's flow is then the inner one). GTP
 * counts only with an IP packet inside (a G-PDU); its signalling, AYIYA
 * heartbeats and Teredo indications without an IPv6 packet stay UDP flows.
 */
const CARRIERS: Record<string, (next: string) => boolean> = {
  vxlan: (next) => next !== '',
  geneve: (next) => next !== '',
  nsh: (next) => next !== '',
  gre: (next) => next !== '',
  gtp: (next) => next === 'ip' || next === 'ipv6',
  teredo: (next) => next === 'ipv6',
  ayiya: (next) => next === 'ipv6' || next === 'ip',
};

interface Conv {
  key: string;
  /** The frame's source endpoint sorts first in the key. */
  fromLow: boolean;
}

/** The conversations a frame belongs to, as tshark's taps see them and as Flowsight does. */
interface FrameConvs {
  /** Every TCP/UDP conversation tshark counts the frame in, outermost first. */
  counted: Conv[];
  /** Outer conversations of a tunnel that carried the frame: not its flow. */
  carriers: Conv[];
  /** Flowsight's flow for the frame, when it is a TCP/UDP one. */
  flow: Conv | null;
  /** The flow is the quoted packet's of an ICMP error: tshark counts the frame nowhere. */
  quoted: boolean;
  /** The layer list did not account for the addresses: the conversations are a guess. */
  uncertain: boolean;
  /**
   * An IPv6 routing header or destination options: tshark's conversation may
   * take the final destination or a home address instead of the header's.
   */
  readdressed: boolean;
}

function conv(proto: string, srcIp: string, srcPort: string, dstIp: string, dstPort: string): Conv {
  const a = `${srcIp}:${srcPort}`;
  const b = `${dstIp}:${dstPort}`;
  return { key: convKey(proto, a, b), fromLow: a <= b };
}

function frameConvs(f: TsharkFrame): FrameConvs {
  const layers = f.protocols;
  const out: FrameConvs = { counted: [], carriers: [], flow: null, quoted: false, uncertain: false, readdressed: layers.includes('ipv6.routing') || layers.includes('ipv6.dstopts') };
  const nIp = layers.filter((l) => l === 'ip' || l === 'ipv6').length;
  const nTcp = layers.filter((l) => l === 'tcp').length;
  const nUdp = layers.filter((l) => l === 'udp').length;
  out.uncertain = nIp !== f.ipSrc.length || nTcp !== f.tcpSrcPort.length || nUdp !== f.udpSrcPort.length;
  if (out.uncertain) {
    // A layer without its fields (cut short): the outermost TCP/UDP header with the first addresses.
    const tcp = f.tcpSrcPort.length > 0;
    const sp = tcp ? f.tcpSrcPort : f.udpSrcPort;
    const dp = tcp ? f.tcpDstPort : f.udpDstPort;
    if (sp.length > 0 && f.ipSrc.length > 0) out.flow = conv(tcp ? 'tcp' : 'udp', f.ipSrc[0], sp[0], f.ipDst[0], dp[0]);
    return out;
  }
  const icmp4 = f.icmpType.filter((t) => t.startsWith('4:'));
  const icmp6 = f.icmpType.filter((t) => t.startsWith('6:'));
  let ip = -1;
  let tcp = 0;
  let udp = 0;
  let inError = false;
  let quotedFlow: Conv | null = null;
  const all: Conv[] = [];
  layers.forEach((layer, i) => {
    if (layer === 'ip' || layer === 'ipv6') ip++;
    else if (layer === 'icmp' || layer === 'icmpv6') {
      const type = layer === 'icmp' ? icmp4.shift() : icmp6.shift();
      if (type && ICMP_ERRORS.has(type)) inError = true;
    } else if ((layer === 'tcp' || layer === 'udp') && ip >= 0) {
      const n = layer === 'tcp' ? tcp++ : udp++;
      const sp = layer === 'tcp' ? f.tcpSrcPort : f.udpSrcPort;
      const dp = layer === 'tcp' ? f.tcpDstPort : f.udpDstPort;
      if (inError) {
        // The quoted packet: the error travels back to its sender. Flowsight reads the first quoted header.
        quotedFlow ??= conv(layer, f.ipDst[ip], dp[n], f.ipSrc[ip], sp[n]);
      } else {
        all.push(conv(layer, f.ipSrc[ip], sp[n], f.ipDst[ip], dp[n]));
      }
    } else if (!inError && CARRIERS[layer]?.(layers[i + 1] ?? '')) {
      out.carriers = [...all];
    }
  });
  out.counted = all;
  if (quotedFlow) {
    out.flow = quotedFlow;
    out.quoted = true;
  } else if (all.length > out.carriers.length) {
    out.flow = all[all.length - 1];
  }
  return out;
}

/** The sum of two table byte counts, exact while both are (below 10000 bytes tshark prints every digit). */
function addBytesText(a: string, b: string): string {
  const exact = /^(\d+) bytes$/;
  const x = exact.exec(a);
  const y = exact.exec(b);
  return x && y ? formatTsharkBytes(Number(x[1]) + Number(y[1])) : `${a} + ${b}`;
}

export function tsharkReference(read: TsharkRead): Map<string, ConvExpectation> {
  const out = new Map<string, ConvExpectation>();
  for (const c of read.conversations) {
    // tshark lists a 5-tuple once per conversation: a SYN that reuses the ports starts another row.
    const key = convKey(c.proto, c.a, c.b);
    const fromLow = c.a <= c.b ? c.framesAtoB : c.framesBtoA;
    const e = out.get(key);
    if (!e) {
      out.set(key, { frames: c.frames, framesFromLow: fromLow, bytesText: c.bytes, extraBytes: 0, exactBytes: null });
      continue;
    }
    e.frames += c.frames;
    e.framesFromLow += fromLow;
    e.bytesText = addBytesText(e.bytesText, c.bytes);
  }
  const tableFrames = new Map([...out].map(([key, e]) => [key, e.frames]));
  const adjust = (c: Conv, len: number, sign: 1 | -1) => {
    let e = out.get(c.key);
    if (!e) {
      // An ICMP error quoting a packet of a conversation absent from the capture:
      // Flowsight has a flow for it, tshark no conversation.
      if (sign < 0) return;
      e = { frames: 0, framesFromLow: 0, bytesText: '0 bytes', extraBytes: 0, exactBytes: 0 };
      out.set(c.key, e);
    }
    e.frames += sign;
    if (c.fromLow) e.framesFromLow += sign;
    e.extraBytes += sign * len;
  };

  const convs = read.frames.map(frameConvs);
  // Exact bytes only where every frame's conversations are known for sure.
  const exactKnown = convs.every((c) => !c.uncertain && !c.readdressed);
  const exact = new Map<string, { frames: number; bytes: number }>();
  read.frames.forEach((f, i) => {
    const fc = convs[i];
    if (fc.uncertain) return;
    for (const c of fc.counted) {
      const x = exact.get(c.key) ?? { frames: 0, bytes: 0 };
      x.frames += 1;
      x.bytes += f.len;
      exact.set(c.key, x);
    }
    for (const c of fc.carriers) adjust(c, f.len, -1);
    if (fc.quoted && fc.flow) adjust(fc.flow, f.len, 1);
  });
  read.frames.forEach((f, i) => {
    if (f.reassembledIn && f.reassembledIn !== i + 1) {
      const done = convs[f.reassembledIn - 1]?.flow;
      if (done) adjust(done, f.len, 1);
    }
  });
  for (const [key, e] of out) {
    const x = exact.get(key);
    if (e.frames === 0) out.delete(key);
    // Exact only when the frames account for the table's count (tshark taps no header it found malformed).
    else if (exactKnown && x && x.frames === tableFrames.get(key)) e.exactBytes = x.bytes;
  }
  return out;
}
