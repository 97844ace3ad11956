import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath } from '../support/cli';
import { repoRoot } from '../support/corpus';
import { benchDir } from './bench-data';
import { measure } from './measure';

export interface SessionCsvFigures {
  rows: number;
  ours: { seconds: number; rowsPerSecond: number; rssMiB: number };
  python: { seconds: number; rowsPerSecond: number; rssMiB: number };
  ratio: number;
}

/** A session CSV of `rows` rows, 1 in 50 bad, varied enough to exercise every indicator. */
function sessionCsv(rows: number): string {
  mkdirSync(benchDir, { recursive: true });
  const path = join(benchDir, `sessions-${rows}.csv`);
  const protocols = ['HTTPS', 'SSH', 'FTP', 'TOR', 'Telnet'];
  const out: string[] = ['LoginHour,SessionDuration,CommandsCount,FailedLogins,Protocol,TypingSpeed,Label'];
  for (let i = 0; i < rows; i++) {
    if (i % 50 === 49) out.push(`${i % 24},n/a,3,0,SSH,40,`);
    else out.push(`${i % 24},${(i * 7) % 120},${(i * 13) % 200},${i % 6},${protocols[i % 5]},${(i * 11) % 160},${i % 3 === 0 ? 'Suspicious' : 'Normal'}`);
  }
  writeFileSync(path, `${out.join('\n')}\n`);
  return path;
}

/**
 * `flowsight sessions-import` (parse, check, classify, store into a case) against
 * the seed's stack doing the same work: Python's csv and sqlite3 modules with the
 * same rule baseline (session-csv-peer.py), on the same file, in the same run.
 */
export function sessionCsvBench(rows: number): SessionCsvFigures {
  const file = sessionCsv(rows);
  const casePath = join(benchDir, `sessions-${rows}.flowsight`);
  const peerDb = join(benchDir, `sessions-${rows}-peer.sqlite`);
  for (const p of [casePath, `${casePath}-wal`, `${casePath}-shm`, peerDb]) rmSync(p, { force: true });
  const python = measure('python3', [join(repoRoot, 'test', 'bench', 'session-csv-peer.py'), file, peerDb]);
  if (python.code !== 0) throw new Error(`python peer failed: ${python.stderr}`);
  const ours = measure(process.execPath, [cliPath, 'sessions-import', '--quiet', '--case', casePath, file]);
  if (ours.code !== 0) throw new Error(`flowsight sessions-import failed: ${ours.stderr}`);
  const good = rows - Math.floor(rows / 50);
  if (!ours.stderr.includes(`${good} records`) || !python.stderr.includes(`${good} records`)) throw new Error(`unexpected counts: ${ours.stderr.slice(-300)} / ${python.stderr}`);
  return {
    rows,
    ours: { seconds: ours.wallSeconds, rowsPerSecond: rows / ours.wallSeconds, rssMiB: ours.peakRssMiB },
    python: { seconds: python.wallSeconds, rowsPerSecond: rows / python.wallSeconds, rssMiB: python.peakRssMiB },
    ratio: python.wallSeconds / ours.wallSeconds,
  };
}
