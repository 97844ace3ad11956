import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { dispatch } from '../../electron/api/dispatch';
import { MemoryLogger } from '../../electron/api/log';
import { Session } from '../../electron/api/session';
import { runCli } from '../support/cli';
import { benchCapture, benchDir } from './bench-data';

export interface QueryFigure {
  what: string;
  /** Milliseconds: the first run (which may build an index), then the 95th percentile of the rest. */
  first: number;
  p95: number;
  runs: number;
}

/**
 * A case of about a million flows: the flows of the 1M-packet bench capture,
 * repeated 23 times an hour apart (real feature distributions, a million rows).
 */
function millionFlowCase(): string {
  const path = join(benchDir, 'flows-1m.flowsight');
  if (existsSync(path)) return path;
  const seed = join(benchDir, 'flows-seed.flowsight');
  for (const s of ['', '-wal', '-shm']) rmSync(`${seed}${s}`, { force: true });
  const r = runCli(['ingest', '--quiet', '--case', seed, benchCapture(1_000_000)]);
  if (r.code !== 0) throw new Error(r.stderr);
  copyFileSync(seed, `${path}.tmp`);
  const db = new Database(`${path}.tmp`);
  const cols = (db.prepare('PRAGMA table_info(flows)').all() as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id');
  const n = (db.prepare('SELECT count(*) AS n FROM flows').get() as { n: number }).n;
  const copy = db.prepare(`INSERT INTO flows (${cols.join(',')}) SELECT ${cols.map((c) => (c === 'first_ts' || c === 'last_ts' ? `${c} + ?` : c)).join(',')} FROM flows WHERE id <= ?`);
  db.transaction(() => {
    for (let i = 1; (i + 1) * n <= 1_000_000; i++) copy.run(i * 3600, i * 3600, n);
  })();
  db.close();
  for (const s of ['-wal', '-shm']) rmSync(`${path}.tmp${s}`, { force: true });
  copyFileSync(`${path}.tmp`, path);
  rmSync(`${path}.tmp`);
  return path;
}

/**
 * Pages of the flow table as the UI asks for them (through the API, the query
 * workers and SQLite), on the million-flow case: first page, sorts, filters,
 * deep pages.
 */
export async function queryBench(runs = 20): Promise<{ flows: number; figures: QueryFigure[] }> {
  const session = new Session({ log: new MemoryLogger(), transport: 'serve', version: 'bench' });
  session.openCase(millionFlowCase());
  const call = async (name: string, input: unknown) => {
    const r = await dispatch(session, name, input, 'bench');
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.result;
  };
  const flows = ((await call('flows.count', { scope: { filter: '' } })) as { count: number }).count;
  const page = (sort: unknown[], filter = '', startRow = 0) => call('flows.page', { startRow, endRow: startRow + 200, sort, scope: { filter } });
  const cases: [string, () => Promise<unknown>][] = [
    ['first page', () => page([])],
    ['sort bytes desc', () => page([{ field: 'bytes', dir: 'desc' }])],
    ['sort bytes desc, page at row 500,000', () => page([{ field: 'bytes', dir: 'desc' }], '', 500_000)],
    ['sort first_ts asc, page at row 900,000', () => page([{ field: 'first_ts', dir: 'asc' }], '', 900_000)],
    ['sort fwd_iat_mean desc (index built on first use)', () => page([{ field: 'fwd_iat_mean', dir: 'desc' }])],
    ['sort dst_port asc (index built on first use)', () => page([{ field: 'dst_port', dir: 'asc' }])],
    ['filter tcp.port == 443', () => page([], 'tcp.port == 443')],
    ['filter ip.addr == 192.168.1.0/24', () => page([], 'ip.addr == 192.168.1.0/24')],
    ['filter sni contains "video"', () => page([], 'sni contains "video"')],
    ['filter app == DNS && packets > 1, sorted by bytes', () => page([{ field: 'bytes', dir: 'desc' }], 'app == DNS && packets > 1')],
    ['filter conn_state == "S0" (index built on first use)', () => page([], 'conn_state == "S0"')],
    ['filter retransmissions > 0, sorted by retransmissions', () => page([{ field: 'retransmissions', dir: 'desc' }], 'retransmissions > 0')],
  ];
  const figures: QueryFigure[] = [];
  for (const [what, run] of cases) {
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    const [first, ...rest] = times;
    rest.sort((a, b) => a - b);
    figures.push({ what, first, p95: rest[Math.min(rest.length - 1, Math.ceil(rest.length * 0.95) - 1)], runs });
  }
  for (const [what, filter] of [['count, no filter', ''], ['count, tcp.port == 443', 'tcp.port == 443'], ['count, sni contains "video"', 'sni contains "video"']] as const) {
    const t = performance.now();
    await call('flows.count', { scope: { filter } });
    figures.push({ what, first: performance.now() - t, p95: NaN, runs: 1 });
  }
  await session.dispose();
  return { flows, figures };
}
