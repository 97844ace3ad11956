import { resolve } from 'node:path';
import { requireRegularFile } from './path-policy';

/** An input file a call reads (a flow log, a session CSV): resolved, and refused unless it is a regular file. */
export function regularFile(path: string): string {
  const p = resolve(path);
  requireRegularFile(p);
  return p;
}
