import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '../../electron/cases/audit-log';
import { openCaseDb } from '../../electron/cases/case-db';
import { interruptedImports, markInterruptedImports } from '../../electron/cases/evidence-store';
import { Random } from '../generators/random';
import { runCli, runCliAsync } from '../support/cli';
import { corpus, repoRoot } from '../support/corpus';
import { tempDir } from '../support/tmp';

// Bounded: each round kills an ingest (or a resume) and a labeller at one random moment (25 rounds: 50 SIGKILLs).
const ROUNDS = Number(process.env.FLOWSIGHT_CRASH_ROUNDS ?? 25);
const SEED = Number(process.env.FLOWSIGHT_CRASH_SEED ?? 20261122);

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const capture = tmp.path('synflood-12000.pcap');
/** The first 12,000 packets of a spoofed SYN flood (76-byte records): 11,828 flows, so an import commits three batches of 4,096 before it ends. */
function writeCapture(): void {
  const full = readFileSync(corpus('tcp/stopddos/pkt.TCP.synflood.spoofed.pcap'));
  expect((full.length - 24) % 76).toBe(0);
  writeFileSync(capture, full.subarray(0, 24 + 76 * 12_000));
}
const labeller = join(repoRoot, 'test', 'support', 'crash-labeler.ts');

/** Each flow of an evidence file, in flow order: its addresses, times, counts, state and packet index (which packets, where). */
function flowHashes(db: Database.Database, evidenceId: number): string[] {
  const rows = db
    .prepare("SELECT concat_ws('|', f.proto, f.src_ip, f.src_port, f.dst_ip, f.dst_port, f.first_ts, f.last_ts, f.packets, f.bytes, f.conn_state, f.history, f.app, p.packet_count, hex(p.packet_index)) FROM flows f LEFT JOIN flow_packets p ON p.flow_id = f.id WHERE f.evidence_id = ? ORDER BY f.id")
    .raw()
    .all(evidenceId) as [string][];
  return rows.map(([r]) => createHash('sha256').update(r).digest('hex'));
}

function closed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('close', () => resolve())));
}

describe('crash safety', () => {
  it(`keeps the case sound through ${ROUNDS} rounds of SIGKILLs at random moments (an import or its resume, and a labeller)`, async () => {
    const casePath = tmp.path('crash.flowsight');
    writeCapture();
    // The reference: the same file imported without interruption. Its duration only scales the kill moments.
    const t0 = Date.now();
    const first = runCli(['ingest', '--quiet', '--case', casePath, capture]);
    expect(first.code, first.stderr).toBe(0);
    const span = Date.now() - t0;
    const raw0 = new Database(casePath, { readonly: true });
    const reference = flowHashes(raw0, 1);
    raw0.close();
    expect(reference.length).toBeGreaterThan(2 * 4096);

    const rng = new Random(SEED);
    const applied = new Map<string, number>();
    const undone = new Set<string>();
    const checkedComplete = new Set<number>([1]);
    const tally = { killedDuringImport: 0, killedDuringResume: 0, importFinished: 0, interruptedMarked: 0, labelActs: 0, undoActs: 0 };

    for (let round = 0; round < ROUNDS; round++) {
      let db = openCaseDb(casePath, { user: 'test' });
      const resuming = interruptedImports(db).length > 0;
      db.close();
      const ingest = runCliAsync(['ingest', '--quiet', '--case', casePath, ...(resuming ? ['--resume'] : [capture])]);
      // Node itself with tsx's loader (not the tsx launcher, whose child would outlive the kill).
      const label = spawn(process.execPath, ['--import', 'tsx', labeller, casePath, '1', String(SEED + round)], { cwd: repoRoot });
      let printed = '';
      label.stdout!.on('data', (d: Buffer) => (printed += d.toString()));
      const at = rng.next() * span * 1.5;
      await Promise.race([new Promise((r) => setTimeout(r, at)), closed(ingest.child)]);
      ingest.child.kill('SIGKILL');
      label.kill('SIGKILL');
      const [ran] = await Promise.all([ingest.done, closed(label)]);
      if (ran.code === 0) tally.importFinished++;
      else if (resuming) tally.killedDuringResume++;
      else tally.killedDuringImport++;
      // Only whole lines: a line is written after its act committed.
      for (const line of printed.split('\n').slice(0, -1)) {
        const [act, batch, n] = line.split(' ');
        if (act === 'apply') {
          applied.set(batch, Number(n));
          tally.labelActs++;
        } else {
          undone.add(batch);
          tally.undoActs++;
        }
      }

      // The file as SQLite finds it, before Flowsight touches it.
      const raw = new Database(casePath);
      expect(raw.pragma('integrity_check'), `round ${round}`).toEqual([{ integrity_check: 'ok' }]);
      expect(raw.pragma('foreign_key_check'), `round ${round}`).toEqual([]);
      raw.close();

      db = openCaseDb(casePath, { user: 'test' });
      tally.interruptedMarked += markInterruptedImports(db, 'test').length;
      expect(verifyAudit(db), `round ${round}`).toMatchObject({ ok: true, firstBroken: null });
      // Every label act the labeller saw commit is there, in full, with its audit entry.
      const rows = db.prepare('SELECT batch, count(*) AS n, sum(undone_at IS NOT NULL) AS u FROM labels GROUP BY batch').all() as { batch: string; n: number; u: number }[];
      const byBatch = new Map(rows.map((r) => [r.batch, r]));
      for (const [batch, n] of applied) expect(byBatch.get(batch)?.n, `label act ${batch}`).toBe(n);
      for (const batch of undone) expect(byBatch.get(batch)?.u, `undo of ${batch}`).toBe(byBatch.get(batch)?.n);
      const audited = new Set(listAudit(db).filter((e) => e.action === 'label.apply').map((e) => e.params.batch as string));
      for (const r of rows) expect(audited.has(r.batch), `audit entry of ${r.batch}`).toBe(true);
      // Each flow carries the label of its latest act not undone.
      const stale = db.prepare(`SELECT count(*) AS n FROM flows f WHERE f.label IS NOT (SELECT l.label FROM labels l WHERE l.flow_id = f.id AND l.undone_at IS NULL ORDER BY l.created_at DESC, l.id DESC LIMIT 1)`).get() as { n: number };
      expect(stale.n, `round ${round}: flows whose label is not their latest act`).toBe(0);
      // Imports are complete (and equal to the reference) or interrupted (and a prefix of it); none is left "ingesting".
      const evidence = db.prepare('SELECT id, status FROM evidence ORDER BY id').all() as { id: number; status: string }[];
      for (const e of evidence) {
        expect(['complete', 'interrupted'], `evidence ${e.id}`).toContain(e.status);
        if (e.status === 'complete' && checkedComplete.has(e.id)) continue;
        const hashes = flowHashes(db, e.id);
        if (e.status === 'complete') {
          expect(hashes, `evidence ${e.id} after resume`).toEqual(reference);
          checkedComplete.add(e.id);
        } else {
          // Committed flows are some of the reference's, each unchanged (flows commit in the order they end, not start).
          const known = new Set(reference);
          expect(hashes.filter((h) => !known.has(h)), `evidence ${e.id}: committed flows not in the reference`).toEqual([]);
        }
      }
      expect(interruptedImports(db).length).toBeLessThanOrEqual(1);
      db.close();
    }

    // The last interrupted import, if any, resumes to the reference.
    const db = openCaseDb(casePath, { user: 'test' });
    const left = interruptedImports(db);
    db.close();
    if (left.length) {
      const r = runCli(['ingest', '--quiet', '--case', casePath, '--resume']);
      expect(r.code, r.stderr).toBe(0);
    }
    const end = new Database(casePath, { readonly: true });
    const evidence = end.prepare('SELECT id, status FROM evidence ORDER BY id').all() as { id: number; status: string }[];
    for (const e of evidence) {
      expect(e.status).toBe('complete');
      expect(flowHashes(end, e.id), `evidence ${e.id}`).toEqual(reference);
    }
    end.close();
    console.log(`crash safety (seed ${SEED}, ${ROUNDS} rounds, reference import ${span} ms): ${JSON.stringify(tally)}; ${evidence.length} evidence files, ${applied.size} label acts kept`);
    expect(tally.killedDuringImport + tally.killedDuringResume).toBeGreaterThan(0);
    // A kill before the import's evidence row committed leaves nothing to mark.
    expect(tally.interruptedMarked).toBeGreaterThan(0);
    expect(tally.interruptedMarked).toBeLessThanOrEqual(tally.killedDuringImport + tally.killedDuringResume);
  }, 1_800_000);
});
