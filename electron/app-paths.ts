import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the app's own files are. Sources and bundles sit at different depths, so
 * the project root is found by walking up to the directory that holds both
 * `package.json` and `resources/`; FLOWSIGHT_ROOT overrides (packaged apps).
 */
export function projectRoot(): string {
  if (process.env.FLOWSIGHT_ROOT) return process.env.FLOWSIGHT_ROOT;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the Flowsight installation (package.json with resources/); set FLOWSIGHT_ROOT');
    dir = up;
  }
}

export function resourcesDir(): string {
  return join(projectRoot(), 'resources');
}

export function rendererDir(): string {
  return join(projectRoot(), 'dist', 'renderer');
}

/** Per-user data (the demo case, recent cases): XDG on Linux, the usual places elsewhere. */
export function userDataDir(): string {
  const dir =
    process.env.FLOWSIGHT_DATA ??
    (process.platform === 'win32'
      ? join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Flowsight')
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support', 'Flowsight')
        : join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'flowsight'));
  mkdirSync(dir, { recursive: true });
  return dir;
}
