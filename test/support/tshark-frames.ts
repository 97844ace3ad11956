import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './corpus';

/** One record as tshark reads it from a capture file. */
export interface TsharkFrame {
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
  /** tshark's complaint about the file (cut short, damaged), or null. */
  error: string | null;
}

// Record and field separators no capture comment in the corpus contains.
const AGG = '\u001f';
const fields = ['frame.time_epoch', 'frame.interface_id', 'frame.encap_type', 'frame.cb_pen', 'frame.comment'];

let version: string | null = null;
function tsharkVersion(): string {
  version ??= execFileSync('tshark', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0];
  return version;
}

function parse(stdout: string, stderr: string): TsharkRead {
  const frames: TsharkFrame[] = [];
  for (const line of stdout.split('\n')) {
    if (!line) continue;
    const [epoch, iface, encap, pen, comment] = line.split('\t');
    frames.push({
      epoch,
      iface: iface === '' ? -1 : Number(iface),
      encap: Number(encap || 0),
      comments: comment ? comment.split(AGG) : [],
      customBlock: pen !== '',
    });
  }
  const error = stderr
    .split('\n')
    .filter((l) => l && !l.startsWith('Running as user'))
    .join(' ')
    .trim();
  return { frames, error: error || null };
}

function run(file: string): Promise<TsharkRead> {
  const args = ['-n', '-r', file, '-T', 'fields', '-E', 'occurrence=a', '-E', `aggregator=${AGG}`, ...fields.flatMap((f) => ['-e', f])];
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

/** tshark's view of a capture's records. */
export function tsharkFrames(file: string): Promise<TsharkRead> {
  return cachedTshark('frames', file, () => run(file));
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
