import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath } from '../support/cli';
import { benchCapture, benchDir } from './bench-data';
import { measure } from './measure';

export interface ProfileFigures {
  packets: number;
  hosts: number;
  ours: { seconds: number; pps: number; rssMiB: number };
  tshark: { seconds: number; pps: number; rssMiB: number };
  ratio: number;
}

/**
 * `flowsight hosts --recompute` (identity, per-host packet distributions from
 * the packet index, sessions, categories, countries, typing) on the ingested
 * bench case, against tshark's endpoint and conversation tables on the same
 * capture: the closest peer, though it computes far less per host.
 */
export function profileBench(packets: number): ProfileFigures {
  const file = benchCapture(packets);
  const casePath = join(benchDir, `bench-${packets}.flowsight`);
  if (!existsSync(casePath)) {
    const r = measure(process.execPath, [cliPath, 'ingest', '--quiet', '--case', casePath, file]);
    if (r.code !== 0) throw new Error(`flowsight ingest failed: ${r.stderr}`);
  }
  const ours = measure(process.execPath, [cliPath, 'hosts', '--recompute', '--quiet', '--case', casePath]);
  if (ours.code !== 0) throw new Error(`flowsight hosts failed: ${ours.stderr}`);
  const tshark = measure('tshark', ['-n', '-q', '-r', file, '-z', 'endpoints,ip', '-z', 'conv,ip']);
  if (tshark.code !== 0) throw new Error(`tshark failed: ${tshark.stderr}`);
  return {
    packets,
    hosts: ours.stdout.split('\n').filter(Boolean).length,
    ours: { seconds: ours.wallSeconds, pps: packets / ours.wallSeconds, rssMiB: ours.peakRssMiB },
    tshark: { seconds: tshark.wallSeconds, pps: packets / tshark.wallSeconds, rssMiB: tshark.peakRssMiB },
    ratio: tshark.wallSeconds / ours.wallSeconds,
  };
}
