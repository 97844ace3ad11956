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

/** The problem statInputFile names for a path that is not there. */
export const NO_SUCH_FILE = 'no such file';

/**
 * An input file the user names, stat'ed once: its Stats when it can be read,
 * or why not ("no such file", "not a regular file (a named pipe)"). Readers
 * call this before they open a file, and throw their own typed errors with
 * the problem.
 */
export function statInputFile(path: string): { stats: Stats; problem: null } | { stats: null; problem: string } {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { stats: null, problem: code === 'ENOENT' ? NO_SUCH_FILE : `cannot read: ${code ?? (err as Error).message}` };
  }
  const kind = nonRegularKind(stats);
  return kind === null ? { stats, problem: null } : { stats: null, problem: `not a regular file (${kind})` };
}

/** Why an input file cannot be read, or null when it can (see statInputFile). */
export function inputFileProblem(path: string): string | null {
  return statInputFile(path).problem;
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
