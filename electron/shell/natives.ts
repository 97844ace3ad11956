import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Native modules built for Electron's ABI live apart from Node's (which tests and
 * the CLI use): `npm start` builds them into build/electron-natives. Packaged
 * apps are rebuilt by electron-builder in place, so they need no override.
 */
export function electronSqliteBinding(root: string, packaged: boolean): string | undefined {
  if (packaged) return undefined;
  const p = join(root, 'build', 'electron-natives', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(p)) throw new Error(`${p} is missing: run \`npm start\`, which builds the native modules for Electron first`);
  return p;
}
