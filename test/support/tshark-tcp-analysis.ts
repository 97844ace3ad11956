import { TcpFlag } from '../../electron/flows/tcp-analysis-flags';
import { repoRoot } from './corpus';
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** tshark's tcp.analysis fields and the TcpFlag bit each one stands for. */
export const TSHARK_FLAG_FIELDS: readonly (readonly [string, number])[] = [
  ['tcp.analysis.retransmission', TcpFlag.Retransmission],
  ['tcp.analysis.fast_retransmission', TcpFlag.FastRetransmission],
  ['tcp.analysis.spurious_retransmission', TcpFlag.SpuriousRetransmission],
  ['tcp.analysis.out_of_order', TcpFlag.OutOfOrder],
  ['tcp.analysis.lost_segment', TcpFlag.LostSegment],
  ['tcp.analysis.ack_lost_segment', TcpFlag.AckedUnseen],
  ['tcp.analysis.keep_alive', TcpFlag.KeepAlive],
  ['tcp.analysis.keep_alive_ack', TcpFlag.KeepAliveAck],
  ['tcp.analysis.duplicate_ack', TcpFlag.DuplicateAck],
  ['tcp.analysis.zero_window', TcpFlag.ZeroWindow],
  ['tcp.analysis.zero_window_probe', TcpFlag.ZeroWindowProbe],
  ['tcp.analysis.zero_window_probe_ack', TcpFlag.ZeroWindowProbeAck],
  ['tcp.analysis.window_update', TcpFlag.WindowUpdate],
  ['tcp.analysis.window_full', TcpFlag.WindowFull],
  ['tcp.analysis.reused_ports', TcpFlag.ReusedPorts],
];

/** Our flags as tshark shows them: fast and spurious retransmissions also carry tcp.analysis.retransmission. */
export function asTsharkFlags(flags: number): number {
  return flags & (TcpFlag.FastRetransmission | TcpFlag.SpuriousRetransmission) ? flags | TcpFlag.Retransmission : flags;
}

export interface TsharkTcpView {
  /** Frames with a TCP header (tunnelled or quoted in ICMP errors included). */
  tcpFrames: number;
  /** Frames with tcp.flags.reset set. */
  resets: number;
  /** TcpFlag bits per frame number (1-based), for frames with any tcp.analysis flag. */
  flags: Map<number, number>;
}

/** tshark's view of a capture's TCP, from one pass over it. */
export async function tsharkTcp(file: string): Promise<TsharkTcpView> {
  const args = ['-n', '-r', file, '-Y', 'tcp', '-T', 'fields', '-E', 'separator=\t', '-e', 'frame.number', '-e', 'tcp.flags.reset'];
  for (const [field] of TSHARK_FLAG_FIELDS) args.push('-e', field);
  const view: TsharkTcpView = { tcpFrames: 0, resets: 0, flags: new Map() };
  for (const line of (await tsharkLenient(args)).split('\n')) {
    if (!line) continue;
    const cols = line.split('\t');
    view.tcpFrames++;
    if (cols[1].split(',').includes('1')) view.resets++;
    let bits = 0;
    TSHARK_FLAG_FIELDS.forEach(([, bit], i) => {
      if (cols[i + 2]) bits |= bit;
    });
    if (bits) view.flags.set(Number(cols[0]), bits);
  }
  return view;
}

/**
 * tshark's output even when it exits non-zero: on a damaged or cut-short file
 * it prints every frame it could read, then reports the damage.
 */
export function tsharkLenient(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('tshark', args, { encoding: 'utf8', maxBuffer: 1 << 30 }, (err, stdout) => {
      // A non-zero exit after output is a damaged file; no output at all with an error is a failure to run.
      if (err && !stdout && typeof err.code !== 'number') reject(err);
      else resolve(stdout);
    });
  });
}

let versionLine: string | undefined;
function tsharkVersion(): string {
  versionLine ??= execFileSync('tshark', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0];
  return versionLine;
}

/**
 * tsharkTcp(), remembered under test-results/ by the capture's SHA-256 and
 * tshark's version: over the whole corpus, starting tshark a thousand times is
 * most of the test's time, and the answer for the same bytes and the same
 * tshark cannot change.
 */
export async function tsharkTcpCached(file: string): Promise<TsharkTcpView> {
  const key = createHash('sha256').update(readFileSync(file)).update(tsharkVersion()).digest('hex');
  const dir = join(repoRoot, 'test-results', 'tshark-tcp');
  const path = join(dir, `${key}.json`);
  if (existsSync(path)) {
    const c = JSON.parse(readFileSync(path, 'utf8')) as { tcpFrames: number; resets: number; flags: [number, number][] };
    return { tcpFrames: c.tcpFrames, resets: c.resets, flags: new Map(c.flags) };
  }
  const view = await tsharkTcp(file);
  mkdirSync(dir, { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, JSON.stringify({ tcpFrames: view.tcpFrames, resets: view.resets, flags: [...view.flags] }));
  // Atomic publish: a parallel reader never sees half a file.
  renameSync(tmp, path);
  return view;
}
