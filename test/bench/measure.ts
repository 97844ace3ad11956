import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Measurement {
  wallSeconds: number;
  /** User + system CPU seconds (what a loaded machine does not inflate for single-threaded work). */
  cpuSeconds: number;
  peakRssMiB: number;
  stdout: string;
  stderr: string;
  code: number | null;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command and reports its wall time and peak RSS (of the process and its
 * threads; GNU time's maximum resident set size). Needs `apt-get install time`.
 */
export function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Measurement {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is missing: the benchmarks read peak memory from GNU time (apt-get install time)`);
  const started = performance.now();
  const r = spawnSync(GNU_TIME, ['-f', '__RSS_KB=%M __CPU=%U+%S', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env });
  const wallSeconds = (performance.now() - started) / 1000;
  const m = /__RSS_KB=(\d+) __CPU=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  return {
    wallSeconds,
    cpuSeconds: m ? Number(m[2]) + Number(m[3]) : NaN,
    peakRssMiB: m ? Number(m[1]) / 1024 : NaN,
    stdout: r.stdout,
    stderr: r.stderr.replace(/__RSS_KB=\d+ __CPU=\S+\n?/, ''),
    code: r.status,
  };
}
