import { realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import { NO_SUCH_FILE, statInputFile } from '../input-file';

/**
 * A path in one canonical form: absolute, `.`/`..` resolved, symbolic links
 * followed for the part that exists (a file about to be created keeps its name
 * under its real folder). Two spellings of one file compare equal, and a link
 * cannot smuggle a path past a folder check.
 */
export function canonicalPath(p: string): string {
  if (p.includes('\0')) throw new ApiError('invalid_request', 'a path cannot contain NUL');
  const abs = resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    if (parent === abs) return abs;
    return join(canonicalPath(parent), basename(abs));
  }
}

/** Whether `child` is `folder` or inside it (both canonical). */
export function isInside(child: string, folder: string): boolean {
  const rel = relative(folder, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A regular file that exists, or a typed error saying what it is instead. */
export function requireRegularFile(p: string): void {
  const f = statInputFile(p);
  if (f.problem === NO_SUCH_FILE) throw new ApiError('not_found', `${p}: ${NO_SUCH_FILE}`);
  if (f.problem !== null) throw new ApiError('bad_input', `${p}: ${f.problem}`);
}

/**
 * Which paths the renderer may name. In Electron, only paths the user picked in
 * a native dialog (and the recent-cases list, and files inside the open case's
 * folder, such as its captures): a compromised page cannot read or overwrite
 * arbitrary files. Serve mode has no native dialogs; the page's path form is
 * the user's choice there, behind the per-run token.
 */
export class PathPolicy {
  private readonly chosen = new Set<string>();

  constructor(private readonly transport: 'ipc' | 'serve') {}

  /** Paths the user picked in a native dialog. */
  choose(paths: string[]): void {
    for (const p of paths) this.chosen.add(canonicalPath(p));
  }

  wasChosen(p: string): boolean {
    return this.chosen.has(canonicalPath(p));
  }

  /**
   * A path the renderer gave, canonical, if the user may have meant it:
   * chosen, or allowed by `also` (recent cases, the case folder).
   */
  admit(p: string, what: string, also: (canonical: string) => boolean = () => false): string {
    const c = canonicalPath(p);
    if (this.transport === 'serve' || this.chosen.has(c) || also(c)) return c;
    throw new ApiError('forbidden', `${c}: ${what} must be chosen in a file dialog`);
  }
}
