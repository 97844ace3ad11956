// Builds better-sqlite3 and cap for Electron's ABI into build/electron-natives,
// leaving node_modules (Node's ABI, used by tests and the CLI) untouched.
// Needs Electron's headers, which @electron/rebuild downloads once (internet).
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const electronVersion = JSON.parse(readFileSync(`${root}/node_modules/electron/package.json`, 'utf8')).version;
const dir = `${root}/build/electron-natives`;
const stamp = `${dir}/electron-version`;
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion) process.exit(0);

mkdirSync(`${dir}/node_modules`, { recursive: true });
for (const m of ['better-sqlite3', 'cap', 'bindings', 'file-uri-to-path', 'nan']) {
  if (existsSync(`${root}/node_modules/${m}`)) cpSync(`${root}/node_modules/${m}`, `${dir}/node_modules/${m}`, { recursive: true });
}
writeFileSync(`${dir}/package.json`, JSON.stringify({ name: 'electron-natives', private: true, dependencies: { 'better-sqlite3': '*', cap: '*' } }));
try {
  execFileSync(`${root}/node_modules/.bin/electron-rebuild`, ['--version', electronVersion, '--module-dir', dir, '--only', 'better-sqlite3,cap', '--force'], { stdio: 'inherit' });
} catch {
  console.error(`Could not build the native modules for Electron ${electronVersion}. This needs Electron's headers from the internet once; the CLI, tests and \`npm run serve\` do not need this step.`);
  process.exit(1);
}
writeFileSync(stamp, electronVersion);
