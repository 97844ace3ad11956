// The Electron shell: window, menu, preload and IPC wiring. Everything it uses
// beyond that lives in modules that run under plain Node too.
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDemoCase } from './api/demo-case';
import { stderrLogger } from './api/log';
import { Session } from './api/session';
import { projectRoot, rendererDir } from './app-paths';
import { nativeChooser } from './shell/dialogs';
import { registerIpcTransport } from './shell/ipc-transport';
import { installMenu } from './shell/menu';
import { electronNativesDir, electronSqliteBinding } from './shell/natives';
import { createMainWindow } from './shell/window';

app.enableSandbox();

async function start(): Promise<void> {
  const root = projectRoot();
  const shell: { win?: BrowserWindow } = {};
  const chooseFiles = nativeChooser(() => shell.win);
  const natives = electronNativesDir(root, app.isPackaged, process.resourcesPath);
  const session = new Session({
    log: stderrLogger,
    transport: 'ipc',
    version: app.getVersion(),
    nativeBinding: electronSqliteBinding(natives),
    nativeDir: natives,
    chooseFiles,
  });
  const indexUrl = pathToFileURL(join(rendererDir(), 'index.html')).href;
  registerIpcTransport(session, indexUrl);
  shell.win = createMainWindow(indexUrl, join(root, 'dist', 'main', 'preload.cjs'));
  installMenu(session, shell.win, chooseFiles);
  const caseArg = process.argv.slice(app.isPackaged ? 1 : 2).find((a) => a.endsWith('.flowsight'));
  if (caseArg) session.openCase(caseArg);
  else openDemoCase(session);
  app.on('before-quit', () => void session.dispose());
}

app.whenReady().then(start).catch((err: unknown) => {
  dialog.showErrorBox('Flowsight could not start', err instanceof Error ? err.message : String(err));
  app.quit();
});
app.on('window-all-closed', () => app.quit());
