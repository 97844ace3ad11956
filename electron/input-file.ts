import { statSync, type Stats } from 'node:fs';

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

/**
 * Why an input file the user names cannot be read ("no such file", "not a
 * regular file (a named pipe)"), or null when it can. Readers call this before
 * they open a file, and throw their own typed errors with it.
 */
export function inputFileProblem(path: string): string | null {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : `cannot read: ${code ?? (err as Error).message}`;
  }
  const kind = nonRegularKind(st);
  return kind === null ? null : `not a regular file (${kind})`;
}

/** An input file that cannot be read: which, and why. */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** Throws InputFileError unless `path` names a regular file that exists. */
export function requireInputFile(path: string): void {
  const problem = inputFileProblem(path);
  if (problem !== null) throw new InputFileError(path, problem);
}
