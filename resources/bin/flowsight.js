#!/usr/bin/env node
// The `flowsight` command: runs the built CLI, or the TypeScript sources through
// tsx when no build exists yet (a fresh checkout before `npm run build`).
import { existsSync } from 'node:fs';

const built = new URL('../../dist/main/cli.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../../electron/cli/main.ts', import.meta.url).href);
}
