/**
 * A labeller for the crash-safety test, run as its own process and killed at a
 * random moment: it labels random flows of one evidence file, and now and then
 * undoes an earlier act, through the real label store. Each act is printed only
 * after its transaction committed (writes to a pipe are synchronous on Linux),
 * so every printed line is a promise the case must keep after the kill.
 *   tsx test/support/crash-labeler.ts <case> <evidenceId> <seed>
 */
import { openCaseDb } from '../../electron/cases/case-db';
import { applyLabel, undoLabels } from '../../electron/cases/label-store';
import { Random } from '../generators/random';

const [casePath, evidence, seedText] = process.argv.slice(2);
const rng = new Random(Number(seedText));
const db = openCaseDb(casePath, { user: 'labeller' });
const ids = (db.prepare('SELECT id FROM flows WHERE evidence_id = ? ORDER BY id').raw().all(Number(evidence)) as [number][]).map((r) => r[0]);
const labels = ['web', 'dns', 'scan', 'benign', 'attack'];
const applied: string[] = [];
for (let n = 0; ; n++) {
  if (applied.length > 0 && rng.chance(0.2)) {
    const batch = rng.pick(applied);
    undoLabels(db, batch, undefined, 'labeller');
    process.stdout.write(`undo ${batch}\n`);
    continue;
  }
  const batch = `${seedText}-${n}`;
  const flowIds = Array.from({ length: rng.int(1, 400) }, () => rng.pick(ids));
  const unique = [...new Set(flowIds)];
  applyLabel(db, { flowIds: unique, label: rng.pick(labels), provenance: 'manual', author: 'labeller', batch });
  process.stdout.write(`apply ${batch} ${unique.length}\n`);
  applied.push(batch);
}
