import { execFileSync } from 'node:child_process';

/** One conversation as `tshark -q -z conv,tcp -z conv,udp` prints it. */
export interface TsharkConversation {
  proto: 'tcp' | 'udp';
  /** Endpoint "addr:port" of the side that sent the first frame. */
  a: string;
  b: string;
  framesBtoA: number;
  bytesBtoA: string;
  framesAtoB: number;
  bytesAtoB: string;
  frames: number;
  /** As tshark formats it ("898 bytes", "10 kB"), which loses precision above 9999. */
  bytes: string;
}

export function hasTshark(): boolean {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function tshark(args: string[]): string {
  return execFileSync('tshark', args, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
}

const convLine = /^(\S+)\s+<->\s+(\S+)\s+(\d+)\s+(\d+ \S+)\s+(\d+)\s+(\d+ \S+)\s+(\d+)\s+(\d+ \S+)\s+/;

/** Parses tshark's conversation tables for TCP and UDP. */
export function tsharkConversations(file: string): TsharkConversation[] {
  return parseConversations(tshark(['-n', '-r', file, '-q', '-z', 'conv,tcp', '-z', 'conv,udp']));
}

/** The TCP and UDP conversation tables in tshark's output. */
export function parseConversations(out: string): TsharkConversation[] {
  const convs: TsharkConversation[] = [];
  let proto: 'tcp' | 'udp' | null = null;
  for (const line of out.split('\n')) {
    if (line.startsWith('TCP Conversations')) proto = 'tcp';
    else if (line.startsWith('UDP Conversations')) proto = 'udp';
    const m = convLine.exec(line);
    if (!m || !proto) continue;
    convs.push({
      proto,
      a: m[1],
      b: m[2],
      framesBtoA: Number(m[3]),
      bytesBtoA: m[4],
      framesAtoB: Number(m[5]),
      bytesAtoB: m[6],
      frames: Number(m[7]),
      bytes: m[8],
    });
  }
  return convs;
}

/** Wireshark's format_size for conversation tables: exact below 10000 bytes, then truncated SI units. */
export function formatTsharkBytes(n: number): string {
  if (n < 10_000) return `${n} bytes`;
  if (n < 10_000_000) return `${Math.floor(n / 1000)} kB`;
  if (n < 10_000_000_000) return `${Math.floor(n / 1_000_000)} MB`;
  return `${Math.floor(n / 1_000_000_000)} GB`;
}

/** "addr:port" as tshark prints an endpoint (IPv6 unbracketed, port after the last colon). */
export function endpoint(ip: string, port: number): string {
  return `${ip}:${port}`;
}

/**
 * Exact bytes per conversation key from tshark's per-frame fields (the -z conv
 * tables round above 9999 bytes). Frames carrying more than one IP or port
 * (tunnels, ICMP errors quoting a header) make their keys ambiguous; those keys
 * are left out rather than guessed.
 */
export function tsharkExactBytes(file: string): Map<string, number> {
  const out = tshark(['-n', '-r', file, '-T', 'fields', '-E', 'separator=\t', '-e', 'frame.len', '-e', 'ip.src', '-e', 'ip.dst', '-e', 'ipv6.src', '-e', 'ipv6.dst', '-e', 'tcp.srcport', '-e', 'tcp.dstport', '-e', 'udp.srcport', '-e', 'udp.dstport']);
  const bytes = new Map<string, number>();
  const ambiguous = new Set<string>();
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [len, s4, d4, s6, d6, ts, td, us, ud] = line.split('\t');
    const proto = ts ? 'tcp' : us ? 'udp' : null;
    if (!proto) continue;
    const src = s4 || s6;
    const dst = d4 || d6;
    const sp = ts || us;
    const dp = td || ud;
    const multi = [src, dst, sp, dp].some((v) => v.includes(',')) || (ts && us) || (s4 && s6);
    const key = `${proto} ${[`${src.split(',')[0]}:${sp.split(',')[0]}`, `${dst.split(',')[0]}:${dp.split(',')[0]}`].sort().join(' ')}`;
    if (multi) {
      ambiguous.add(key);
      continue;
    }
    bytes.set(key, (bytes.get(key) ?? 0) + Number(len));
  }
  for (const k of ambiguous) bytes.delete(k);
  return bytes;
}
