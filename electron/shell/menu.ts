import { app, Menu, type BrowserWindow } from 'electron';
import type { Session } from '../api/session';
import type { FileChooser } from '../api/session';

/** The application menu; file actions go through the same session API as the UI. */
export function installMenu(session: Session, win: BrowserWindow, choose: FileChooser): void {
  const report = (err: unknown) => session.log.log('error', 'menu.failed', { error: err instanceof Error ? err.message : String(err) });
  const menu = Menu.buildFromTemplate([
    {
      label: 'File',
      submenu: [
        {
          label: 'Open Case…',
          accelerator: 'CmdOrCtrl+O',
          click: () => void choose('case-open').then((p) => p[0] && session.openCase(p[0])).catch(report),
        },
        {
          label: 'New Case…',
          accelerator: 'CmdOrCtrl+N',
          click: () => void choose('case-create').then((p) => p[0] && session.openCase(p[0], { create: true })).catch(report),
        },
        { type: 'separator' },
        { label: 'Close Case', click: () => session.closeCase() },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { label: 'Edit', submenu: [{ role: 'copy' }, { role: 'selectAll' }] },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]), { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: 'Help', submenu: [{ label: `Flowsight ${app.getVersion()}`, enabled: false }] },
  ]);
  Menu.setApplicationMenu(menu);
  void win;
}
