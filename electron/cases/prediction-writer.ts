import type { CaseDb } from './case-db';

/** Writes one batch of predictions in one transaction (a short write lock; readers carry on under WAL). */
export function writePredictions(db: CaseDb, ids: readonly number[], prediction: readonly string[], confidence: ArrayLike<number>): void {
  const set = db.prepare('UPDATE flows SET prediction = ?, confidence = ? WHERE id = ?');
  db.transaction(() => {
    for (let i = 0; i < ids.length; i++) set.run(prediction[i], confidence[i], ids[i]);
  })();
}

/** Clears every prediction (an apply that was cancelled leaves none rather than a mix of two models). */
export function clearPredictions(db: CaseDb): void {
  db.prepare('UPDATE flows SET prediction = NULL, confidence = NULL WHERE prediction IS NOT NULL OR confidence IS NOT NULL').run();
}
