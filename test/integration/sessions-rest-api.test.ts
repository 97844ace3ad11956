import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsResponse, PredictCsvResponse, ResultsResponse } from '../../shared/contract/rest';
import { rpc, startTestServer } from '../support/serve';
import { tempDir } from '../support/tmp';

/** The seed's six Postman tests (004, "Testing Guide") as requests to serve mode, with its token. */
describe('session fingerprinting REST API', () => {
  const tmp = tempDir();
  let t: Awaited<ReturnType<typeof startTestServer>>;
  let base: string;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await startTestServer(tmp.path('case.flowsight'));
    base = `http://127.0.0.1:${t.server.port}`;
    auth = { authorization: `Bearer ${t.server.token}` };
  });
  afterAll(async () => {
    await t.stop();
    tmp.cleanup();
  });

  const postJson = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const postCsv = (path: string, csv: string | Uint8Array<ArrayBuffer>, name = 'test.csv', field = 'file') => {
    const form = new FormData();
    form.append(field, new Blob([csv], { type: 'text/csv' }), name);
    return fetch(`${base}${path}`, { method: 'POST', headers: auth, body: form });
  };
  const get = (path: string) => fetch(`${base}${path}`, { headers: auth });

  it('refuses every route without the token', async () => {
    for (const [method, path] of [
      ['GET', '/health'],
      ['POST', '/api/predict'],
      ['POST', '/api/predict-csv'],
      ['GET', '/api/analytics'],
      ['GET', '/api/results'],
    ]) {
      const r = await fetch(`${base}${path}`, { method });
      expect(r.status, path).toBe(401);
      // The seed's error shape, saying what is missing.
      expect(await r.json(), path).toEqual({ error: 'Unauthorized', details: [expect.stringMatching(/^missing or wrong token/)] });
    }
    expect((await fetch(`${base}/health?token=wrong`)).status).toBe(401);
  });

  it('Test 1: GET /health answers OK', async () => {
    const r = await get('/health');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'OK', message: `Flowsight is running; predictions are stored in ${tmp.path('case.flowsight')}` });
    expect((await fetch(`${base}/health?token=${t.server.token}`)).status).toBe(200);
  });

  it('Test 2: POST /api/predict classifies the seed body as Suspicious and stores it', async () => {
    const r = await postJson('/api/predict', { login_time: '03:00', session_duration: 5, commands: ['ls', 'sudo', 'chmod'], failed_logins: 4, protocol: 'TOR', typing_speed: 120 });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ prediction: 'Suspicious', confidence: 0.8, id: 1, classifier: 'baseline:rules-v1', reason: 'night-login, failed-logins, anonymising-protocol, machine-typing' });
    const stored = t.session.requireCase().db.prepare('SELECT source, login_hour, commands_count, commands, protocol FROM session_records').all();
    expect(stored).toEqual([{ source: 'api', login_hour: 3, commands_count: 3, commands: '["ls","sudo","chmod"]', protocol: 'TOR' }]);
    // Audited as the session's user, with the stored record and its verdict.
    const audit = t.session.requireCase().db.prepare("SELECT user, action, params FROM audit WHERE action = 'session.scan'").all();
    expect(audit).toEqual([{ user: t.session.user, action: 'session.scan', params: JSON.stringify({ recordId: 1, predictionId: 1, source: 'api', prediction: 'Suspicious', classifier: 'baseline:rules-v1' }) }]);
  });

  it('Test 3: a missing or invalid field gives 400 with the seed message and details', async () => {
    const r = await postJson('/api/predict', { login_time: '03:00', session_duration: 5 });
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({
      error: 'Invalid or missing input data',
      details: [
        'commands: Invalid input: expected array, received undefined',
        'failed_logins: Invalid input: expected number, received undefined',
        'protocol: Invalid input: expected string, received undefined',
        'typing_speed: Invalid input: expected number, received undefined',
      ],
    });
    const bad = await postJson('/api/predict', { login_time: '25:00', session_duration: -1, commands: 'ls', failed_logins: 1.5, protocol: 'Gopher', typing_speed: 40 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { details: string[] }).details).toEqual([
      'login_time: must be HH:MM between 00:00 and 23:59',
      'session_duration: Too small: expected number to be >=0',
      'commands: Invalid input: expected array, received string',
      'failed_logins: Invalid input: expected int, received number',
      'protocol: must be one of HTTPS, SSH, FTP, TOR, Telnet, RDP, Other',
    ]);
    const notJson = await fetch(`${base}/api/predict`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"login_time":' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: 'Invalid or missing input data', details: ['request body is not valid JSON'] });
    expect((await get('/api/predict')).status).toBe(405);
  });

  it('Test 4: POST /api/predict-csv classifies the seed CSV (2 Normal, 1 Suspicious)', async () => {
    const r = await postCsv('/api/predict-csv', 'LoginHour,SessionDuration,CommandsCount,FailedLogins,Protocol,TypingSpeed\n9,40,10,0,HTTPS,45\n2,5,80,4,TOR,120\n14,30,5,0,HTTPS,35\n');
    expect(r.status).toBe(200);
    const body = PredictCsvResponse.parse(await r.json());
    expect(body).toEqual({ total_records: 3, normal_users: 2, suspicious_users: 1, rejected_records: 0, errors: [], errors_truncated: false, import_id: 1, classifier: 'baseline:rules-v1' });
  });

  it('predict-csv reports bad rows by line, refuses malformed files with details, and needs the file field', async () => {
    const mixed = await postCsv('/api/predict-csv', 'hour,duration,commands,failures,proto,wpm\n9,40,10,0,HTTPS,45\n9,forty,10,0,HTTPS,45\n', 'mixed.csv');
    expect(await mixed.json()).toMatchObject({ total_records: 1, normal_users: 1, rejected_records: 1, errors: [{ line: 3, reason: 'SessionDuration: "forty" is not a number' }] });
    const missing = await postCsv('/api/predict-csv', 'LoginHour,Protocol\n1,SSH\n', 'cols.csv');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: 'cols.csv: missing columns SessionDuration, CommandsCount, FailedLogins, TypingSpeed',
      details: ["the file's columns: LoginHour, Protocol", 'map other column names in the import dialog or with --map, e.g. --map LoginHour=hour'],
    });
    const empty = await postCsv('/api/predict-csv', '', 'empty.csv');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: 'empty.csv: the file is empty' });
    const utf16 = await postCsv('/api/predict-csv', new Uint8Array([0xff, 0xfe, 0x4c, 0, 0x6f, 0]), 'u16.csv');
    expect(utf16.status).toBe(400);
    expect(((await utf16.json()) as { error: string }).error).toMatch(/UTF-16/);
    const wrongField = await postCsv('/api/predict-csv', 'a\n', 'x.csv', 'upload');
    expect(wrongField.status).toBe(400);
    expect(await wrongField.json()).toEqual({ error: 'no file: send the CSV as multipart/form-data in a field named "file"' });
    const notMultipart = await postJson('/api/predict-csv', {});
    expect(notMultipart.status).toBe(400);
    const mapped = await postCsv('/api/predict-csv?map=LoginHour=h', 'h,SessionDuration,CommandsCount,FailedLogins,Protocol,TypingSpeed\n4,1,1,0,SSH,30\n', 'm.csv');
    expect(await mapped.json()).toMatchObject({ total_records: 1, normal_users: 1 });
  });

  it('Test 5: GET /api/analytics counts every stored prediction', async () => {
    const r = await get('/api/analytics');
    // 1 from Test 2 (Suspicious), 3 from Test 4 (1 Suspicious), 1 from the mixed file, 1 mapped: 6 in all, 2 Suspicious.
    expect(AnalyticsResponse.parse(await r.json())).toEqual({ total_predictions: 6, normal_users: 4, suspicious_users: 2, normal_percent: 66.7, suspicious_percent: 33.3 });
  });

  it('Test 6: GET /api/results lists the stored predictions, paged and filterable', async () => {
    const all = ResultsResponse.parse(await (await get('/api/results')).json());
    expect(all).toMatchObject({ page: 1, per_page: 50, total: 6, pages: 1 });
    expect(all.results.map((r) => r.id)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(all.results[5]).toMatchObject({ id: 1, prediction: 'Suspicious', confidence: 0.8, source: 'api', login_hour: 3, commands_count: 3, protocol: 'TOR', typing_speed: 120 });
    const p2 = ResultsResponse.parse(await (await get('/api/results?page=2&per_page=4')).json());
    expect(p2).toMatchObject({ page: 2, per_page: 4, total: 6, pages: 2 });
    expect(p2.results.map((r) => r.id)).toEqual([2, 1]);
    const sus = ResultsResponse.parse(await (await get('/api/results?prediction=Suspicious')).json());
    expect(sus.results.map((r) => r.id)).toEqual([3, 1]);
    const bad = await get('/api/results?per_page=5000');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'Invalid query', details: ['per_page: Too big: expected number to be <=1000'] });
    expect((await get('/api/nothing')).status).toBe(404);
  });

  it('the app calls validate their input and name unknown classifiers', async () => {
    const bad = await rpc(t.server, 'sessions.scan', { loginHour: 24, sessionDuration: 1, commandsCount: 1, failedLogins: 0, protocol: 'SSH', typingSpeed: 1 });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'invalid_request', details: ['loginHour: Too big: expected number to be <=23'] });
    const ok = await rpc(t.server, 'sessions.scan', { loginHour: 12, sessionDuration: 30, commandsCount: 10, failedLogins: 0, protocol: 'HTTPS', typingSpeed: 40 });
    expect(ok.json.result).toMatchObject({ id: 7, source: 'scan', prediction: 'Normal', confidence: 0.9, classifier: 'baseline:rules-v1' });
    const unknown = await rpc(t.server, 'sessions.setClassifier', { active: 'model:9' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({ code: 'not_found', message: 'no session classifier "model:9" in this case (baseline:rules-v1 or model:<id>)' });
    const analytics = (await rpc(t.server, 'sessions.analytics', {})).json.result as { total: number; byClassifier: unknown[] };
    expect(analytics.total).toBe(7);
    expect(analytics.byClassifier).toEqual([{ classifier: 'baseline:rules-v1', total: 7, normal: 5, suspicious: 2 }]);
  });

  it('predict-csv takes a batch of 100k rows streamed as multipart', async () => {
    const lines = ['LoginHour,SessionDuration,CommandsCount,FailedLogins,Protocol,TypingSpeed'];
    for (let i = 0; i < 100_000; i++) lines.push(i % 4 === 0 ? `2,5,80,4,TOR,120` : `${9 + (i % 9)},30,10,0,SSH,40`);
    lines.push('9,30,10,0,SSH'); // line 100002: one field short
    const r = await postCsv('/api/predict-csv', `${lines.join('\n')}\n`, 'big.csv');
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ total_records: 100_000, normal_users: 75_000, suspicious_users: 25_000, rejected_records: 1, errors: [{ line: 100_002, reason: 'has 5 fields, the header has 6' }] });
    const a = AnalyticsResponse.parse(await (await get('/api/analytics')).json());
    expect(a).toEqual({ total_predictions: 100_007, normal_users: 75_005, suspicious_users: 25_002, normal_percent: 75, suspicious_percent: 25 });
  });
});
