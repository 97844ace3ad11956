import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ErrorCode } from '../../shared/contract/errors';
import { dispatch } from '../api/dispatch';
import type { Session } from '../api/session';
import { isLocalRequest, newToken, requestToken, tokenMatches, TOKEN_COOKIE } from './serve-auth';
import { readJson, securityHeaders, sendJson } from './http-io';
import { handleRest, isRestPath } from './rest/rest-router';
import { serveStatic } from './static-files';

export interface ServeOptions {
  session: Session;
  /** Built renderer directory (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const status: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  no_case: 409,
  not_found: 404,
  conflict: 409,
  bad_input: 422,
  schema_too_new: 422,
  read_only: 409,
  evidence_changed: 409,
  unsupported: 501,
  internal: 500,
};

/**
 * Serve mode: the same API as Electron IPC over HTTP (`POST /rpc/<call>`) and a
 * WebSocket for events, on 127.0.0.1 only. Every request must be local (Host and
 * Origin) and carry the per-run token.
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? newToken();
  const { session } = opts;
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      session.log.log('error', 'serve.failed', { error: err instanceof Error ? err.stack : String(err) });
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal', message: 'internal error' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // REST clients get the seed's error shape ({error, details}); the app's RPC its own ({error: {code, message}}).
    const refuse = (status: number, code: string, message: string) =>
      sendJson(res, status, isRestPath(url.pathname) ? { error: status === 401 ? 'Unauthorized' : 'Forbidden', details: [message] } : { error: { code, message } });
    const local = isLocalRequest(req, port);
    if (!local.ok) {
      session.log.log('warn', 'serve.forbidden', { path: url.pathname, reason: local.reason });
      refuse(403, 'forbidden', local.reason);
      return;
    }
    if (!tokenMatches(requestToken(req, url), token)) {
      session.log.log('warn', 'serve.unauthorized', { path: url.pathname });
      refuse(401, 'unauthorized', 'missing or wrong token: open the URL that `flowsight serve` printed, or send it as a Bearer token');
      return;
    }
    if (isRestPath(url.pathname)) {
      await handleRest(req, res, url, session);
      return;
    }
    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') {
        sendJson(res, 405, { error: { code: 'invalid_request', message: 'use POST' } });
        return;
      }
      const call = decodeURIComponent(url.pathname.slice(5));
      let input: unknown;
      try {
        input = await readJson(req);
      } catch (err) {
        session.log.log('warn', 'rpc.rejected', { call, origin: 'serve', reason: (err as Error).message });
        sendJson(res, 400, { error: { code: 'invalid_request', message: (err as Error).message } });
        return;
      }
      const r = await dispatch(session, call, input, 'serve');
      if (r.ok) sendJson(res, 200, { result: r.result });
      else sendJson(res, status[r.error.code], { error: r.error });
      return;
    }
    if (url.pathname.startsWith('/download/')) {
      const jobId = decodeURIComponent(url.pathname.slice('/download/'.length));
      const file = session.downloads.get(jobId);
      if (!file || !session.jobs.list().some((j) => j.jobId === jobId && j.status === 'done')) {
        sendJson(res, 404, { error: { code: 'not_found', message: 'no finished export by that id' } });
        return;
      }
      res.writeHead(200, { ...securityHeaders, 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"` });
      createReadStream(file.path).pipe(res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: { code: 'invalid_request', message: 'method not allowed' } });
      return;
    }
    // The page keeps the token as an HttpOnly, same-site cookie so its own assets load.
    const headers: Record<string, string> = {
      ...securityHeaders,
      'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
    };
    serveStatic(opts.staticDir, url.pathname, res, headers);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const sockets = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const local = isLocalRequest(req, port);
    const reject = (code: number, text: string) => {
      socket.write(`HTTP/1.1 ${code} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (!local.ok) return reject(403, 'Forbidden');
    if (!tokenMatches(requestToken(req, url), token)) return reject(401, 'Unauthorized');
    if (url.pathname !== '/events') return reject(404, 'Not Found');
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      // The socket carries events one way; anything the page sends is ignored.
      ws.on('message', () => undefined);
    });
  });
  const unsubscribe = session.onEvent((event, payload) => {
    const text = JSON.stringify({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
