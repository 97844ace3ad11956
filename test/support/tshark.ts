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
