import { closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath } from '../support/cli';
import { benchCapture, benchDir } from './bench-data';
import { measure, type Measurement } from './measure';

export interface RunFigures {
  /** Median wall time of the runs. */
  seconds: number;
  /** Fastest and slowest run. */
  range: [number, number];
  pps: number;
  /** Median user + system CPU seconds. */
  cpuSeconds: number;
  /** Largest peak RSS of the runs. */
  rssMiB: number;
}

/**
 * What else reading the same file costs, for scale: the SHA-256 every import
 * records (OpenSSL, with the CPU's SHA instructions: the floor for hashing),
 * and two flow meters written in C that hash nothing and store no case: argus
 * (basic bidirectional flow records) and nDPI's ndpiReader (flows and
 * application detection). Run beside the others when installed.
 */
export const contextPeers = [
  { name: 'openssl dgst -sha256', what: 'SHA-256 of the file only', cmd: '/usr/bin/openssl', args: (file: string) => ['dgst', '-sha256', file] },
  { name: 'argus -r', what: 'C: basic flow records, no hash, no case', cmd: '/usr/sbin/argus', args: (file: string) => ['-r', file, '-w', '/dev/null'] },
  { name: 'ndpiReader -i', what: 'C: flows and app detection, no hash, no case', cmd: '/usr/bin/ndpiReader', args: (file: string) => ['-q', '-i', file] },
] as const;

export interface IngestFigures {
  packets: number;
  flows: number;
  runs: number;
  ours: RunFigures;
  tshark: RunFigures;
  /** tshark's median wall time over ours. */
  ratio: number;
  /** The context peers that are installed, by name. */
  context: Record<string, RunFigures>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function figures(ms: Measurement[], packets: number): RunFigures {
  const walls = ms.map((m) => m.wallSeconds);
  const seconds = median(walls);
  return { seconds, range: [Math.min(...walls), Math.max(...walls)], pps: packets / seconds, cpuSeconds: median(ms.map((m) => m.cpuSeconds)), rssMiB: Math.max(...ms.map((m) => m.peakRssMiB)) };
}

/**
 * Reads the whole file (untimed) so that the run after it finds it in the page
 * cache: this VM evicts cold cache even with memory free, and whichever tool
 * ran first would otherwise pay for reading part of the 3.9 GB file from disk.
 */
function warm(file: string): void {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(4 << 20);
  try {
    while (readSync(fd, buf, 0, buf.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}

/**
 * `flowsight ingest` (the whole pipeline into a case file) against
 * `tshark -q -z conv,tcp -z conv,udp` on the same file, in the same run. The two
 * alternate `runs` times and medians are reported: on a shared VM the speed of
 * the same command drifts by ±15% within minutes, and alternating exposes both
 * tools to the same drift and the same page cache.
 */
export function ingestBench(packets: number, runs = 3): IngestFigures {
  const file = benchCapture(packets);
  const casePath = join(benchDir, `bench-${packets}.flowsight`);
  const theirs: Measurement[] = [];
  const ours: Measurement[] = [];
  const context: Record<string, Measurement[]> = {};
  let flows = -1;
  for (let i = 0; i < runs; i++) {
    warm(file);
    const t = measure('tshark', ['-n', '-q', '-r', file, '-z', 'conv,tcp', '-z', 'conv,udp']);
    if (t.code !== 0) throw new Error(`tshark failed: ${t.stderr}`);
    theirs.push(t);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${casePath}${suffix}`, { force: true });
    warm(file);
    const o = measure(process.execPath, [cliPath, 'ingest', '--quiet', '--case', casePath, file]);
    if (o.code !== 0) throw new Error(`flowsight ingest failed: ${o.stderr}`);
    const m = /complete, (\d+) packets, (\d+) flows/.exec(o.stderr);
    if (!m || Number(m[1]) !== packets) throw new Error(`unexpected ingest output: ${o.stderr}`);
    if (flows >= 0 && Number(m[2]) !== flows) throw new Error(`run ${i + 1} found ${m[2]} flows, run 1 found ${flows}`);
    flows = Number(m[2]);
    ours.push(o);
    for (const peer of contextPeers) {
      if (!existsSync(peer.cmd)) continue;
      warm(file);
      const c = measure(peer.cmd, peer.args(file));
      if (c.code !== 0) throw new Error(`${peer.name} failed: ${c.stderr}`);
      (context[peer.name] ??= []).push(c);
    }
  }
  const o = figures(ours, packets);
  const t = figures(theirs, packets);
  return { packets, flows, runs, ours: o, tshark: t, ratio: t.seconds / o.seconds, context: Object.fromEntries(Object.entries(context).map(([k, v]) => [k, figures(v, packets)])) };
}
