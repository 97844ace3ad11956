import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './app-paths';

let version: string | null = null;

export function appVersion(): string {
  version ??= (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
