import type { SessionPrediction } from '../../shared/sessions/prediction';
import { audited } from '../cases/audit-log';
import type { CaseDb } from '../cases/case-db';
import { currentUser } from '../cases/case-user';
import { predictionById } from '../cases/session-queries';
import { SessionRecordWriter, type NewSessionRecord } from '../cases/session-store';
import { activeClassifier } from './active-classifier';

/** Classifies one session with the case's classifier and stores the record and its prediction. Audited as `session.scan`. */
export function recordSession(db: CaseDb, record: NewSessionRecord, at = Date.now() / 1000, user = currentUser()): SessionPrediction {
  const verdict = activeClassifier(db).classify(record);
  const writer = new SessionRecordWriter(db);
  const { predictionId } = audited(
    db,
    (ids: { recordId: number; predictionId: number }) => ({ user, action: 'session.scan', params: { ...ids, source: record.source, prediction: verdict.prediction, classifier: verdict.classifier } }),
    () => writer.add(record, verdict, at),
  );
  return predictionById(db, predictionId)!;
}
