import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { MemoryLogger } from '../../electron/api/log';
import { Session } from '../../electron/api/session';
import { currentUser } from '../../electron/cases/case-user';
import { generateActivityScenario } from '../generators/activity-scenario';
import { jsonl, runCli } from '../support/cli';
import { repoRoot } from '../support/corpus';
import { labelFromGroundTruth } from '../support/ground-truth';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface Entry {
  seq: number;
  user: string;
  action: string;
  params: Record<string, unknown>;
}

function trail(path: string): Entry[] {
  return jsonl<Entry>(runCli(['audit', '--case', path, '--format', 'jsonl']).stdout);
}

function ok(args: string[]): string {
  const r = runCli(args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** Session rows a model can learn: the labelled CSV of the sessions CLI test, in short. */
function sessionCsv(): string {
  const rows = ['LoginHour,SessionDuration,CommandsCount,FailedLogins,Protocol,TypingSpeed,Label'];
  for (let i = 0; i < 24; i++) rows.push(i % 3 === 0 ? `${i % 5},${2 + (i % 3)},${60 + i},${3 + (i % 3)},TOR,${110 + i},Suspicious` : `${9 + (i % 9)},${20 + i},${5 + (i % 7)},${i % 2},HTTPS,${35 + (i % 20)},Normal`);
  return `${rows.join('\n')}\n`;
}

describe('every action that changes a case leaves an audit entry', () => {
  const c = tmp.path('coverage.flowsight');
  const me = currentUser();
  let mark = 0;
  /** The entries written since the last call. */
  const since = (): Entry[] => {
    const all = trail(c);
    const fresh = all.slice(mark);
    mark = all.length;
    return fresh;
  };

  it('labels: catalogue define, rule add / remove / run', () => {
    const scenario = generateActivityScenario({ seed: 3, outDir: tmp.path('scenario'), captures: 2, sessions: 30 });
    ok(['ingest', '--quiet', '--case', c, ...scenario.captures]);
    // Half the flows labelled: the model learns from them and its predictions are accepted for the rest.
    labelFromGroundTruth(c, scenario.rows.filter((_, i) => i % 2 === 0));
    since();
    ok(['label', '--case', c, '--define', 'Probe', '--colour', '#123456', '--description', 'scanner traffic']);
    ok(['label-rules', 'add', '--case', c, 'sni', 'example.invalid', 'Probe']);
    ok(['label-rules', 'add', '--case', c, 'domain', 'nothing.invalid', 'Probe']);
    ok(['label-rules', 'remove', '--case', c, '2']);
    ok(['label-rules', 'run', '--case', c]);
    const e = since();
    expect(e.map((x) => [x.user, x.action])).toEqual([
      [me, 'label.define'],
      [me, 'label.rule.add'],
      [me, 'label.rule.add'],
      [me, 'label.rule.remove'],
      [me, 'label.apply'],
    ]);
    expect(e[0].params).toEqual({ name: 'Probe', colour: '#123456', description: 'scanner traffic', previous: null });
    expect(e[1].params).toEqual({ id: 1, field: 'sni', match: 'domain', pattern: 'example.invalid', label: 'Probe' });
    expect(e[3].params).toEqual({ id: 2, field: 'domain', match: 'domain', pattern: 'nothing.invalid', label: 'Probe' });
    expect(e[4].params).toMatchObject({ provenance: 'rule', labels: [], labelled: 0, rules: [{ id: 1, label: 'Probe', flows: 0 }], overwrite: false });
  }, 300_000);

  it('models: applying a model to the case and accepting its predictions', () => {
    const model = tmp.path('app.json');
    ok(['train', '--quiet', '--case', c, '--level', 'app', '--trees', '10', '--folds', '2', '--group-by', 'none', '--out', model, '--json']);
    expect(since().map((x) => [x.action, x.params.modelId])).toEqual([['model.train', 1]]);
    const predicted = jsonl<{ prediction: string }>(ok(['predict', '--quiet', '--case', c, '--model', model]));
    const unlabelled = jsonl(ok(['flows', '--case', c, '--filter', '!label']));
    ok(['accept', '--case', c]);
    const e = since();
    const apply = e.find((x) => x.action === 'model.apply')!;
    expect(apply).toMatchObject({ user: me, params: { flows: predicted.length, cancelled: false } });
    const accepted = e.filter((x) => x.action === 'label.apply');
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.every((x) => x.params.provenance === 'model-accepted')).toBe(true);
    expect(accepted.reduce((n, x) => n + (x.params.labelled as number), 0)).toBe(unlabelled.length);
    // The model file is the case's model 1 (same training hash), so predict applies it without storing it again.
    expect(e.map((x) => x.action)).toEqual(['model.apply', ...accepted.map(() => 'label.apply')]);
    expect(apply.params.modelId).toBe(1);
  }, 300_000);

  it('hosts and session records: compute, derive, import, train (CLI)', () => {
    ok(['hosts', '--quiet', '--case', c]);
    ok(['sessions-derive', '--quiet', '--case', c]);
    const csv = tmp.path('sessions.csv');
    writeFileSync(csv, sessionCsv());
    ok(['sessions-import', '--quiet', '--case', c, csv]);
    ok(['sessions-train', '--quiet', '--case', c, '--folds', '3']);
    const e = since();
    expect(e.map((x) => [x.user, x.action])).toEqual([
      [me, 'hosts.compute'],
      [me, 'session.derive'],
      [me, 'session.import'],
      [me, 'session.train'],
    ]);
    expect(e[0].params).toMatchObject({ settings: { timeZone: 'UTC' } });
    expect(e[1].params).toEqual({ connections: 0, sessions: 0, attempts: 0, suspicious: 0, classifier: 'baseline:rules-v1' });
    expect(e[2].params).toMatchObject({ importId: 1, file: 'sessions.csv', rows: 24, normal: 16, labelled: 24, rejected: 0, classifier: 'baseline:rules-v1' });
    expect(e[3].params).toMatchObject({ modelId: 1, algorithm: 'logistic-regression', records: 24, normal: 16, suspicious: 8, activated: true, options: { folds: 3 } });
  }, 300_000);

  it('scan, classifier choice, profile settings and a profile job through the API, as the session user', async () => {
    const session = new Session({ log: new MemoryLogger(), transport: 'serve', version: 'test', user: 'carol', rememberRecent: false });
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const r = await dispatch(session, name, input, 'test');
      if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
      return r.result as T;
    };
    await call('case.open', { path: c });
    const p = await call<{ id: number; prediction: string }>('sessions.scan', { loginHour: 3, sessionDuration: 2, commandsCount: 90, failedLogins: 4, protocol: 'TOR', typingSpeed: 150 });
    await call('sessions.setClassifier', { active: 'baseline:rules-v1' });
    await call('hosts.settings', { settings: { localNetworks: ['10.0.0.0/8'], timeZone: 'Europe/Berlin', sessionGap: 600, typingPause: 2 } });
    // A job (its worker writes on a connection of its own) records the session's user too.
    // Opening the case starts jobs of its own (evidence checks): wait for this one.
    const finished = new Map<string, string>();
    const off = session.onEvent((event, payload) => {
      if (event === 'job.finished') finished.set((payload as { jobId: string }).jobId, (payload as { status: string }).status);
    });
    const { jobId } = await call<{ jobId: string }>('hosts.compute', {});
    await expect.poll(() => finished.get(jobId), { timeout: 60_000 }).toBe('done');
    off();
    await call('case.close', {});
    const e = since();
    expect(e.map((x) => [x.user, x.action])).toEqual([
      ['carol', 'session.scan'],
      ['carol', 'session.classifier'],
      ['carol', 'hosts.settings'],
      ['carol', 'hosts.compute'],
    ]);
    expect(e[0].params).toMatchObject({ predictionId: p.id, source: 'scan', prediction: p.prediction, classifier: 'model:1' });
    expect(e[1].params).toEqual({ active: 'baseline:rules-v1', previous: 'model:1' });
    expect(e[2].params).toMatchObject({ settings: { localNetworks: ['10.0.0.0/8'], timeZone: 'Europe/Berlin', sessionGap: 600 }, previous: { timeZone: 'UTC' } });
    expect(e[3].params).toMatchObject({ settings: { timeZone: 'Europe/Berlin' } });
  });

  it('flow-log import is evidence: its start and finish are audited; the whole chain verifies', () => {
    const zeekLog = join(repoRoot, 'test/fixtures/flow-logs/zeek-conn.log');
    ok(['import-flows', '--quiet', '--case', c, zeekLog]);
    const e = since();
    expect(e.map((x) => x.action)).toEqual(['evidence.import.start', 'evidence.import.finish']);
    expect(e[0].params).toMatchObject({ path: zeekLog });
    const v = runCli(['audit', '--case', c, '--verify']);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(new RegExp(`^audit trail intact: ${mark} entries, head [0-9a-f]{64}\\n$`));
  });
});
