import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiError } from '../../shared/contract/errors';

/** An input file a call reads (a flow log, a session CSV): resolved, and refused unless it is a regular file. */
export function regularFile(path: string): string {
  const p = resolve(path);
  let isFile = false;
  try {
    isFile = statSync(p).isFile();
  } catch {
    throw new ApiError('not_found', `${p}: no such file`);
  }
  if (!isFile) throw new ApiError('bad_input', `${p}: not a regular file`);
  return p;
}
