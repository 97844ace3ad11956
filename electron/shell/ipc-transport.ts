import { ipcMain, webContents, type WebFrameMain } from 'electron';
import { IPC_CALL_PREFIX, IPC_EVENT_CHANNEL } from '../../shared/contract/api';
import { callNames } from '../../shared/contract/calls';
import { dispatch } from '../api/dispatch';
import type { Session } from '../api/session';

/**
 * Electron IPC transport: one handler per contract call. The sender must be our
 * own page's main frame; the input is then validated by the shared dispatcher.
 */
export function registerIpcTransport(session: Session, appUrl: string): () => void {
  const trusted = (frame: WebFrameMain | null) => !!frame && frame.parent === null && frame.url.startsWith(appUrl);
  for (const call of callNames) {
    ipcMain.handle(IPC_CALL_PREFIX + call, (e, input: unknown) => {
      if (!trusted(e.senderFrame)) {
        session.log.log('warn', 'rpc.rejected', { call, origin: e.senderFrame?.url ?? 'unknown', reason: 'untrusted sender' });
        return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
      }
      return dispatch(session, call, input, 'ipc');
    });
  }
  const unsubscribe = session.onEvent((event, payload) => {
    for (const wc of webContents.getAllWebContents()) {
      if (wc.getURL().startsWith(appUrl)) wc.send(IPC_EVENT_CHANNEL, { event, payload });
    }
  });
  return () => {
    unsubscribe();
    for (const call of callNames) ipcMain.removeHandler(IPC_CALL_PREFIX + call);
  };
}
