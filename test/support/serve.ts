import { MemoryLogger } from '../../electron/api/log';
import { Session } from '../../electron/api/session';
import { rendererDir } from '../../electron/app-paths';
import { startServer, type RunningServer } from '../../electron/serve/serve-server';

/** A serve-mode server in this process, with a memory logger tests can inspect. */
export async function startTestServer(casePath?: string): Promise<{ server: RunningServer; session: Session; log: MemoryLogger; stop: () => Promise<void> }> {
  const log = new MemoryLogger();
  const session = new Session({ log, transport: 'serve', version: 'test' });
  if (casePath) session.openCase(casePath, { create: true });
  const server = await startServer({ session, staticDir: rendererDir() });
  return {
    server,
    session,
    log,
    stop: async () => {
      await server.close();
      await session.dispose();
    },
  };
}

export async function rpc(server: RunningServer, call: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/rpc/${call}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
