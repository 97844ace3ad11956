import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './corpus';
import { parseConversations, type TsharkConversation } from './tshark';

/** One record as tshark reads it from a capture file. */
export interface TsharkFrame {
  /** `frame.len`: the length on the wire. */
  len: number;
  /** `frame.protocols`: the frame's layers, outermost first (eth, ethertype, ip, udp, vxlan, …). */
  protocols: string[];
  /**
   * Network and transport fields, every occurrence (tunnels and ICMP errors quote inner headers).
   * IPv4 and IPv6 addresses are in layer order, outermost first.
   */
  ipSrc: string[];
  ipDst: string[];
  tcpSrcPort: string[];
  tcpDstPort: string[];
  udpSrcPort: string[];
  udpDstPort: string[];
  icmpType: string[];
  /**
   * The frame completing this fragment's datagram, 0 when none: `ip.reassembled_in` / `ipv6.reassembled.in`,
   * which a single pass sets only on fragments seen after completion, or the completing frame's
   * `ip.fragment` / `ipv6.fragment` list, which names every fragment.
   */
  reassembledIn: number;
  /** `tcp.flags.reset` on any TCP header of the frame. */
  tcpReset: boolean;
  /** The tcp.analysis.* flags tshark set on this frame (short names: retransmission, duplicate_ack, …). */
  tcpAnalysis: string[];
  /** `frame.time_epoch` as printed (nanosecond digits), '' when the record has no time (SPB). */
  epoch: string;
  /** `frame.interface_id`, -1 when the format has none. */
  iface: number;
  /** `frame.encap_type`: Wireshark's WTAP_ENCAP number, not a DLT. */
  encap: number;
  /** Every `frame.comment` of the record. */
  comments: string[];
  /** A pcapng custom block, which Wireshark 4 lists as a frame of its own. */
  customBlock: boolean;
}

export interface TsharkRead {
  frames: TsharkFrame[];
  /** The `-z conv,tcp -z conv,udp` tables printed after the frames. */
  conversations: TsharkConversation[];
  /** tshark's complaint about the file (cut short, damaged), or null. */
  error: string | null;
}

// Record and field separators no capture comment in the corpus contains.
const AGG = '\u001f';
export const TCP_ANALYSIS_FLAGS = [
  'retransmission',
  'fast_retransmission',
  'spurious_retransmission',
  'out_of_order',
  'lost_segment',
  'ack_lost_segment',
  'keep_alive',
  'keep_alive_ack',
  'duplicate_ack',
  'zero_window',
  'zero_window_probe',
  'zero_window_probe_ack',
  'window_update',
  'window_full',
  'reused_ports',
] as const;

// One tshark pass per file serves every corpus-wide test: record identity
// (robustness), addresses and ports (conversation parity), TCP analysis flags.
const fields = [
  'frame.time_epoch', 'frame.interface_id', 'frame.encap_type', 'frame.cb_pen', 'frame.comment',
  'frame.len', 'ip.src', 'ip.dst', 'ipv6.src', 'ipv6.dst', 'tcp.srcport', 'tcp.dstport', 'udp.srcport', 'udp.dstport',
  'icmp.type', 'icmpv6.type', 'ip.reassembled_in', 'ipv6.reassembled.in', 'tcp.flags.reset',
  ...TCP_ANALYSIS_FLAGS.map((f) => `tcp.analysis.${f}`),
  'frame.protocols', 'ip.fragment', 'ipv6.fragment',
];
const AFTER_FLAGS = 19 + TCP_ANALYSIS_FLAGS.length;

/**
 * Interleaves the IPv4 and IPv6 address lists in the order of the frame's
 * layers (a 4in6 or 6in4 tunnel, an IPv4 packet sampled inside IPv6 sFlow);
 * IPv4 first when the layer list does not account for every address.
 */
function inLayerOrder(protocols: string[], v4: string[], v6: string[]): string[] {
  const n4 = protocols.filter((l) => l === 'ip').length;
  const n6 = protocols.filter((l) => l === 'ipv6').length;
  if (n4 !== v4.length || n6 !== v6.length) return [...v4, ...v6];
  let i4 = 0;
  let i6 = 0;
  return protocols.flatMap((l) => (l === 'ip' ? [v4[i4++]] : l === 'ipv6' ? [v6[i6++]] : []));
}

let version: string | null = null;
function tsharkVersion(): string {
  version ??= execFileSync('tshark', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0];
  return version;
}

function parse(stdout: string, stderr: string): TsharkRead {
  const frames: TsharkFrame[] = [];
  // The statistics tables follow the last frame, starting with a line of '='.
  const statsAt = stdout.search(/^={20,}$/m);
  const frameText = statsAt >= 0 ? stdout.slice(0, statsAt) : stdout;
  const list = (v: string | undefined) => (v ? v.split(AGG) : []);
  for (const line of frameText.split('\n')) {
    if (!line) continue;
    const c = line.split('\t');
    const [epoch, iface, encap, pen, comment, len, s4, d4, s6, d6, ts, td, us, ud, icmp, icmp6, r4, r6, reset] = c;
    const protocols = list(c[AFTER_FLAGS]).join(':').split(':').filter(Boolean);
    frames.push({
      epoch,
      protocols,
      iface: iface === '' ? -1 : Number(iface),
      encap: Number(encap || 0),
      comments: comment ? comment.split(AGG) : [],
      customBlock: pen !== '',
      len: Number(len || 0),
      ipSrc: inLayerOrder(protocols, list(s4), list(s6)),
      ipDst: inLayerOrder(protocols, list(d4), list(d6)),
      tcpSrcPort: list(ts),
      tcpDstPort: list(td),
      udpSrcPort: list(us),
      udpDstPort: list(ud),
      icmpType: [...list(icmp).map((t) => `4:${t}`), ...list(icmp6).map((t) => `6:${t}`)],
      reassembledIn: Number(list(r4)[0] || list(r6)[0] || 0),
      tcpReset: list(reset).includes('1'),
      tcpAnalysis: TCP_ANALYSIS_FLAGS.filter((_, i) => (c[19 + i] ?? '') !== ''),
    });
    // A reassembled datagram names its fragments on the frame that completed it.
    for (const n of [...list(c[AFTER_FLAGS + 1]), ...list(c[AFTER_FLAGS + 2])]) {
      const fragment = frames[Number(n) - 1];
      if (fragment && !fragment.reassembledIn) fragment.reassembledIn = frames.length;
    }
  }
  const error = stderr
    .split('\n')
    .filter((l) => l && !l.startsWith('Running as user'))
    .join(' ')
    .trim();
  return { frames, conversations: statsAt >= 0 ? parseConversations(stdout.slice(statsAt)) : [], error: error || null };
}

function run(file: string): Promise<TsharkRead> {
  const args = ['-n', '-r', file, '-T', 'fields', '-E', 'occurrence=a', '-E', `aggregator=${AGG}`, ...fields.flatMap((f) => ['-e', f]), '-z', 'conv,tcp', '-z', 'conv,udp'];
  return new Promise((resolve) => {
    execFile('tshark', args, { encoding: 'utf8', maxBuffer: 1 << 30 }, (_err, stdout, stderr) => resolve(parse(stdout, stderr)));
  });
}

const cacheDir = join(repoRoot, 'test-results', 'tshark-cache');

/**
 * A tshark result cached under test-results/ by kind, file identity and tshark
 * version: tshark spends most of a third of a second starting up, and the
 * corpus holds over a thousand files.
 */
export async function cachedTshark<T>(kind: string, file: string, compute: () => T | Promise<T>): Promise<T> {
  const st = statSync(file);
  const key = createHash('sha1').update(`${kind}\0${file}\0${st.size}\0${st.mtimeMs}\0${tsharkVersion()}`).digest('hex');
  const cached = join(cacheDir, `${key}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as T;
  const value = await compute();
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, cached);
  return value;
}

/** tshark's view of a capture's records, uncached (generated files). */
export function readWithTshark(file: string): Promise<TsharkRead> {
  return run(file);
}

/** tshark's view of a capture's records. */
export function tsharkFrames(file: string): Promise<TsharkRead> {
  // The field list is part of the key: a cache from another field list would parse wrongly.
  return cachedTshark(`frames:${fields.join(',')}`, file, () => run(file));
}

/** tshark over many files, a few at a time. */
export async function tsharkFramesAll(files: string[], concurrency = 2): Promise<Map<string, TsharkRead>> {
  const out = new Map<string, TsharkRead>();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const f = files[next++];
      out.set(f, await tsharkFrames(f));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}
