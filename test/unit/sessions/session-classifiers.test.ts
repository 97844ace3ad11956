import { afterAll, describe, expect, it } from 'vitest';
import { openCaseDb } from '../../../electron/cases/case-db';
import { activeClassifierId, listSessionModels } from '../../../electron/cases/session-model-store';
import { SessionRecordWriter } from '../../../electron/cases/session-store';
import { activeClassifier } from '../../../electron/fingerprint/active-classifier';
import { recordSession } from '../../../electron/fingerprint/record-session';
import { SessionTrainingError, trainSessionModel } from '../../../electron/fingerprint/train-session-model';
import { baselineVerdict, BASELINE_ID, CONFIDENCE, INDICATORS } from '../../../shared/sessions/baseline';
import type { SessionAttributes, SessionVerdict } from '../../../shared/sessions/record';
import { tempDir } from '../../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const calm: SessionAttributes = { loginHour: 10, sessionDuration: 30, commandsCount: 20, failedLogins: 0, protocol: 'SSH', typingSpeed: 40 };

describe('rule baseline (documented in README.md)', () => {
  it('has the five indicators, each firing on its own threshold', () => {
    expect(INDICATORS.map((i) => i.id)).toEqual(['night-login', 'failed-logins', 'anonymising-protocol', 'machine-typing', 'command-burst']);
    const fired = (a: Partial<SessionAttributes>) => INDICATORS.filter((i) => i.fires({ ...calm, ...a })).map((i) => i.id);
    expect(fired({})).toEqual([]);
    expect(fired({ loginHour: 5 })).toEqual(['night-login']);
    expect(fired({ loginHour: 6 })).toEqual([]);
    expect(fired({ failedLogins: 3 })).toEqual(['failed-logins']);
    expect(fired({ failedLogins: 2 })).toEqual([]);
    expect(fired({ protocol: 'TOR' })).toEqual(['anonymising-protocol']);
    expect(fired({ typingSpeed: 101 })).toEqual(['machine-typing']);
    expect(fired({ typingSpeed: 100 })).toEqual([]);
    // 11 commands in 0.5 min count as 11 per minute (duration floors at one minute).
    expect(fired({ commandsCount: 11, sessionDuration: 0.5 })).toEqual(['command-burst']);
    expect(fired({ commandsCount: 300, sessionDuration: 30 })).toEqual([]);
  });

  it('is Suspicious from two indicators, with confidence by how many fired', () => {
    expect(CONFIDENCE.map((c) => [c.fired, c.prediction, c.confidence])).toEqual([
      [0, 'Normal', 0.9],
      [1, 'Normal', 0.6],
      [2, 'Suspicious', 0.6],
      [3, 'Suspicious', 0.7],
      [4, 'Suspicious', 0.8],
      [5, 'Suspicious', 0.9],
    ]);
    expect(baselineVerdict({ ...calm, loginHour: 2 })).toEqual({ prediction: 'Normal', confidence: 0.6, classifier: BASELINE_ID, reason: 'night-login' });
    expect(baselineVerdict({ ...calm, loginHour: 2, protocol: 'TOR' })).toEqual({ prediction: 'Suspicious', confidence: 0.6, classifier: BASELINE_ID, reason: 'night-login, anonymising-protocol' });
    // The seed's Test 2 body: 03:00, 4 failed, TOR, 120 wpm, 3 commands in 5 min.
    expect(baselineVerdict({ loginHour: 3, sessionDuration: 5, commandsCount: 3, failedLogins: 4, protocol: 'TOR', typingSpeed: 120 })).toMatchObject({
      prediction: 'Suspicious',
      confidence: 0.8,
    });
  });
});

/** Deterministic labelled sessions: Suspicious ones log in at night, fail often and type fast; some overlap. */
function labelled(count: number): { a: SessionAttributes; label: SessionVerdict }[] {
  let s = 12345;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out: { a: SessionAttributes; label: SessionVerdict }[] = [];
  for (let i = 0; i < count; i++) {
    const sus = i % 3 === 0;
    out.push({
      label: sus ? 'Suspicious' : 'Normal',
      a: {
        loginHour: sus ? Math.floor(rnd() * 8) : 8 + Math.floor(rnd() * 12),
        sessionDuration: Math.round(sus ? 1 + rnd() * 15 : 10 + rnd() * 60),
        commandsCount: Math.floor(sus ? 20 + rnd() * 100 : rnd() * 40),
        failedLogins: Math.floor(sus ? rnd() * 6 : rnd() * 2),
        protocol: sus ? (['TOR', 'SSH', 'FTP'] as const)[i % 3 === 0 ? Math.floor(rnd() * 3) : 0] : (['HTTPS', 'SSH'] as const)[Math.floor(rnd() * 2)],
        typingSpeed: Math.round(sus ? 60 + rnd() * 100 : 25 + rnd() * 50),
      },
    });
  }
  return out;
}

describe('session model training', () => {
  it('refuses to train without enough labelled records of each class', () => {
    const db = openCaseDb(tmp.path('few.flowsight'), { create: true });
    recordSession(db, { ...calm, source: 'scan', label: 'Normal' });
    expect(() => trainSessionModel(db, {})).toThrow(SessionTrainingError);
    expect(() => trainSessionModel(db, {})).toThrow('training needs at least 5 labelled records of each class (one per fold); the case has 1 Normal and 0 Suspicious. Import a CSV with a Label column.');
    db.close();
  });

  it('cross-validates, compares with the baseline, fits, activates and then classifies with the model', () => {
    const db = openCaseDb(tmp.path('train.flowsight'), { create: true });
    const rows = labelled(600);
    const w = new SessionRecordWriter(db);
    db.transaction(() => rows.forEach((r) => w.add({ ...r.a, label: r.label, source: 'csv' }, baselineVerdict(r.a), 1)))();
    const progress: string[] = [];
    const m = trainSessionModel(db, { folds: 5, seed: 7 }, { onProgress: (_d, _t, msg) => progress.push(msg) });
    expect(m).not.toBeNull();
    expect(progress).toEqual([...[1, 2, 3, 4, 5].map((f) => `Cross-validating (fold ${f} of 5)`), 'Fitting on all labelled records', 'Trained']);
    expect(m!).toMatchObject({ id: 1, classifier: 'model:1', records: 600, normal: 400, suspicious: 200, active: true, algorithm: 'logistic-regression' });
    // The pooled confusion matrix covers every record exactly once.
    const e = m!.evaluation;
    expect(e.confusion.flat().reduce((x, y) => x + y, 0)).toBe(600);
    expect(e.confusion[0][0] + e.confusion[0][1]).toBe(400);
    expect(e.perClass.map((c) => c.support)).toEqual([400, 200]);
    expect(e.accuracy).toBeCloseTo((e.confusion[0][0] + e.confusion[1][1]) / 600, 12);
    // The classes are separable enough for the model to beat 95% and the baseline to be scored on the same rows.
    expect(e.accuracy).toBeGreaterThan(0.95);
    expect(m!.baseline.confusion.flat().reduce((x, y) => x + y, 0)).toBe(600);
    expect(activeClassifierId(db)).toBe('model:1');
    const c = activeClassifier(db);
    expect(c.id).toBe('model:1');
    const night = c.classify({ loginHour: 2, sessionDuration: 3, commandsCount: 90, failedLogins: 5, protocol: 'TOR', typingSpeed: 150 });
    expect(night.prediction).toBe('Suspicious');
    expect(night.confidence).toBeGreaterThan(0.9);
    expect(c.classify({ ...calm, protocol: 'HTTPS' }).prediction).toBe('Normal');
    // Same seed, same data: the same evaluation.
    const again = trainSessionModel(db, { folds: 5, seed: 7, activate: false })!;
    expect(again.evaluation).toEqual(e);
    expect(listSessionModels(db).map((x) => [x.id, x.active])).toEqual([
      [1, true],
      [2, false],
    ]);
    db.close();
  });

  it('stops when cancelled and stores no model', () => {
    const db = openCaseDb(tmp.path('cancel.flowsight'), { create: true });
    const w = new SessionRecordWriter(db);
    db.transaction(() => labelled(60).forEach((r) => w.add({ ...r.a, label: r.label, source: 'csv' }, baselineVerdict(r.a), 1)))();
    expect(trainSessionModel(db, {}, { shouldStop: () => true })).toBeNull();
    expect(listSessionModels(db)).toEqual([]);
    expect(activeClassifierId(db)).toBe(BASELINE_ID);
    db.close();
  });
});
