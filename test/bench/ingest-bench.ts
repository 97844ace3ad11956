import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath } from '../support/cli';
import { benchCapture, benchDir } from './bench-data';
import { measure } from './measure';

export interface IngestFigures {
  packets: number;
  flows: number;
  ours: { seconds: number; pps: number; rssMiB: number };
  tshark: { seconds: number; pps: number; rssMiB: number };
  ratio: number;
}

/**
 * `flowsight ingest` (the whole pipeline into a case file) against
 * `tshark -q -z conv,tcp -z conv,udp` on the same file, in the same run.
 */
export function ingestBench(packets: number): IngestFigures {
  const file = benchCapture(packets);
  const casePath = join(benchDir, `bench-${packets}.flowsight`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${casePath}${suffix}`, { force: true });
  const tshark = measure('tshark', ['-n', '-q', '-r', file, '-z', 'conv,tcp', '-z', 'conv,udp']);
  if (tshark.code !== 0) throw new Error(`tshark failed: ${tshark.stderr}`);
  const ours = measure(process.execPath, [cliPath, 'ingest', '--quiet', '--case', casePath, file]);
  if (ours.code !== 0) throw new Error(`flowsight ingest failed: ${ours.stderr}`);
  const m = /complete, (\d+) packets, (\d+) flows/.exec(ours.stderr);
  if (!m || Number(m[1]) !== packets) throw new Error(`unexpected ingest output: ${ours.stderr}`);
  return {
    packets,
    flows: Number(m[2]),
    ours: { seconds: ours.wallSeconds, pps: packets / ours.wallSeconds, rssMiB: ours.peakRssMiB },
    tshark: { seconds: tshark.wallSeconds, pps: packets / tshark.wallSeconds, rssMiB: tshark.peakRssMiB },
    ratio: tshark.wallSeconds / ours.wallSeconds,
  };
}
