import type { Stats } from 'node:fs';

/**
 * What a path is when it is not a regular file ("a named pipe", "a directory"),
 * or null for a regular file. Only regular files are read: opening a named
 * pipe waits for a writer, forever if none comes.
 */
export function nonRegularKind(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'of another kind';
}
