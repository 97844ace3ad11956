// One fit of one model on every labelled flow of a case, timed in-process
// after the flows are read (the train bench runs it under GNU time for peak memory).
// With a third argument, also writes the matrix there (PREFIX.X.f32, PREFIX.y.i32) for the peer.
import { writeFileSync } from 'node:fs';
import { openCaseDb } from '../../electron/cases/case-db';
import { fitClassifier } from '../../electron/learning/fit-classifier';
import { SeededRandom } from '../../electron/learning/seeded-random';
import { loadTrainingSet } from '../../electron/learning/training-set';
import { TrainOptions } from '../../shared/domain/model';

const [casePath, algorithm, dump] = process.argv.slice(2);
const settings = TrainOptions.parse({ level: 'activity', algorithm });
const db = openCaseDb(casePath, { readOnly: true });
const { matrix } = loadTrainingSet(db, settings);
db.close();
if (dump) {
  writeFileSync(`${dump}.X.f32`, new Uint8Array(matrix.X.buffer, matrix.X.byteOffset, matrix.X.byteLength));
  writeFileSync(`${dump}.y.i32`, new Uint8Array(matrix.y.buffer, matrix.y.byteOffset, matrix.y.byteLength));
}
const started = performance.now();
const cpu = process.cpuUsage();
fitClassifier(matrix, settings, { rng: new SeededRandom(settings.seed), progress: () => {}, checkCancelled: () => {} });
const used = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({ seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, rows: matrix.rows, features: matrix.features.length })}\n`);
