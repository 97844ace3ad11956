import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Native modules built for Electron's ABI live apart from Node's (which tests and
 * the CLI use): `npm start` and `npm run dist` build them into
 * build/electron-natives, and packages carry that folder as a resource
 * (electron-builder.json: npmRebuild off, extraResources), so node_modules is
 * never rebuilt in place.
 */
export function electronNativesDir(root: string, packaged: boolean, resourcesPath: string): string {
  return packaged ? join(resourcesPath, 'electron-natives') : join(root, 'build', 'electron-natives');
}

export function electronSqliteBinding(nativesDir: string): string {
  const p = join(nativesDir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(p)) throw new Error(`${p} is missing: run \`npm start\` (or \`npm run dist\`), which builds the native modules for Electron first`);
  return p;
}
