import { BrowserWindow, session as electronSession, shell } from 'electron';

/**
 * The main window with Electron's safe defaults: isolated, sandboxed, no Node in
 * the page, no navigation away, no new windows, no permissions, no remote content.
 */
export function createMainWindow(indexUrl: string, preloadPath: string): BrowserWindow {
  const ses = electronSession.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.webRequest.onBeforeRequest((details, callback) => {
    // Only our own files: nothing is fetched from the network.
    const local = details.url.startsWith('file://') || details.url.startsWith('devtools://');
    callback({ cancel: !local });
  });
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Flowsight',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (e, url) => {
    if (url !== indexUrl) e.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(indexUrl);
  return win;
}
