// Imports a flow log in a process of its own with --expose-gc and prints the
// result and the most heap retained (after a collection) at any progress
// report: garbage does not count, only what the import holds on to.
//   node --expose-gc --import tsx test/support/flow-import-probe.ts FILE CASE
import { openCaseDb } from '../../electron/cases/case-db';
import { importFlowLog } from '../../electron/flowlog/flow-log-import';

const [file, casePath] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const db = openCaseDb(casePath, { create: true });
gc();
const before = process.memoryUsage().heapUsed;
let peak = 0;
const r = await importFlowLog(db, file, {
  onProgress: () => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed - before);
  },
});
db.close();
process.stdout.write(JSON.stringify({ flows: r?.flows, badRows: r?.badRows, retainedMiB: peak / 2 ** 20 }));
