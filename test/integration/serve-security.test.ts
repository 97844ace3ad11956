import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { corpus } from '../support/corpus';
import { rpc, startTestServer } from '../support/serve';
import { tempDir } from '../support/tmp';

/** Raw request, so Host and Origin can be forged (fetch will not let us set Host). */
function raw(port: number, path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('serve mode refuses forged requests', () => {
  const tmp = tempDir();
  let t: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    t = await startTestServer(tmp.path('case.flowsight'));
  });
  afterAll(async () => {
    await t.stop();
    tmp.cleanup();
  });

  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(t.server.url).toBe(`http://127.0.0.1:${t.server.port}/?token=${t.server.token}`);
    expect(t.server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a valid call', async () => {
    const r = await rpc(t.server, 'case.current', {});
    expect(r.status).toBe(200);
    expect((r.json.result as { flowCount: number }).flowCount).toBe(0);
  });

  it('rejects an unknown call with invalid_request and logs it', async () => {
    const r = await rpc(t.server, 'fs.readFile', { path: '/etc/passwd' });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'invalid_request' });
    expect(t.log.lines.some((l) => l.event === 'rpc.rejected' && l.fields.call === 'fs.readFile')).toBe(true);
  });

  it('rejects wrong types without running the handler', async () => {
    const before = (await rpc(t.server, 'case.current', {})).json.result as { evidenceCount: number };
    const r = await rpc(t.server, 'ingest.start', { files: [corpus('apps/zeek/web.pcap'), 42] });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'invalid_request', details: ['files.1: Invalid input: expected string, received number'] });
    const extra = await rpc(t.server, 'case.current', { sneaky: true });
    expect(extra.status).toBe(400);
    const after = (await rpc(t.server, 'case.current', {})).json.result as { evidenceCount: number };
    expect(after.evidenceCount).toBe(before.evidenceCount);
    expect((await rpc(t.server, 'jobs.list', {})).json.result).toEqual([]);
  });

  it('rejects a body that is not JSON', async () => {
    const r = await rpc(t.server, 'case.current', '{not json');
    expect(r.status).toBe(400);
  });

  it('returns 401 without the token, or with a wrong one', async () => {
    const none = await raw(t.server.port, '/rpc/case.current', { host: `127.0.0.1:${t.server.port}`, 'content-type': 'application/json' }, 'POST', '{}');
    expect(none.status).toBe(401);
    const wrong = await raw(t.server.port, '/rpc/case.current', { host: `127.0.0.1:${t.server.port}`, authorization: 'Bearer nope' }, 'POST', '{}');
    expect(wrong.status).toBe(401);
    const page = await raw(t.server.port, '/', { host: `127.0.0.1:${t.server.port}` });
    expect(page.status).toBe(401);
  });

  it('returns 403 for a foreign Origin even with the token', async () => {
    const r = await rpc(t.server, 'case.current', {}, { origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(r.json.error).toMatchObject({ code: 'forbidden' });
  });

  it('returns 403 for a foreign Host (DNS rebinding) even with the token', async () => {
    const r = await raw(t.server.port, '/rpc/case.current', { host: `evil.example:${t.server.port}`, authorization: `Bearer ${t.server.token}` }, 'POST', '{}');
    expect(r.status).toBe(403);
    const otherPort = await raw(t.server.port, `/?token=${t.server.token}`, { host: '127.0.0.1:1' });
    expect(otherPort.status).toBe(403);
  });

  it('serves the page with the token and sets a strict CSP', async () => {
    const r = await fetch(t.server.url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await r.text()).toContain('<div id="root">');
  });

  it('refuses the event socket without the token or from a foreign Origin, accepts it with the token', async () => {
    const open = (url: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('error', () => undefined);
      });
    const base = `ws://127.0.0.1:${t.server.port}/events`;
    expect(await open(base)).toBe(401);
    expect(await open(`${base}?token=${t.server.token}`, { origin: 'http://evil.example' })).toBe(403);
    expect(await open(`${base}?token=${t.server.token}`)).toBe(101);
  });
});
