import type { SessionPrediction } from '../../shared/sessions/prediction';
import type { CaseDb } from '../cases/case-db';
import { predictionById } from '../cases/session-queries';
import { SessionRecordWriter, type NewSessionRecord } from '../cases/session-store';
import { activeClassifier } from './active-classifier';

/** Classifies one session with the case's classifier and stores the record and its prediction. */
export function recordSession(db: CaseDb, record: NewSessionRecord, at = Date.now() / 1000): SessionPrediction {
  const verdict = activeClassifier(db).classify(record);
  const { predictionId } = new SessionRecordWriter(db).addOne(record, verdict, at);
  return predictionById(db, predictionId)!;
}
