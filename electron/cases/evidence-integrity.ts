import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { nonRegularKind } from '../input-file';
import type { EvidenceCheck, EvidenceStatus } from '../../shared/domain/evidence';

const CHUNK = 4 << 20;

/** The facts recorded at import that a file is checked against. */
export interface EvidenceFacts {
  id: number;
  path: string;
  size: number;
  sha256: string | null;
  /** Modification time (ms) recorded when the import started. */
  mtime: number | null;
  status: EvidenceStatus;
  removed?: boolean;
}

/** How a file looked when it was last hashed: a later stat that differs means it must be hashed again. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** The file's stat, or null when it cannot be had (missing, unreadable directory). */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

export function stampOf(path: string): FileStamp | null {
  const s = statOrNull(path);
  return s ? stampFrom(s) : null;
}

function stampFrom(s: Stats): FileStamp {
  return { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** SHA-256 of a whole file, read in 4 MiB chunks; `onBytes` reports progress. */
export function hashFile(path: string, onBytes?: (n: number) => void): { sha256: string; size: number } {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha256');
    const buf = Buffer.alloc(CHUNK);
    let size = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, size);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      size += n;
      onBytes?.(n);
    }
    return { sha256: hash.digest('hex'), size };
  } finally {
    closeSync(fd);
  }
}

/** Checks one evidence file against its recorded size and SHA-256 (hashing it all). */
export function checkEvidenceFile(e: EvidenceFacts, onBytes?: (n: number) => void): EvidenceCheck & { stamp: FileStamp | null } {
  const base = { evidenceId: e.id, path: e.path, expectedSha256: e.sha256, expectedSize: e.size };
  if (e.removed || e.status === 'ingesting') {
    return { ...base, state: 'skipped', actualSha256: null, actualSize: null, detail: e.removed ? 'removed from the case' : 'being written', stamp: null };
  }
  const st = statOrNull(e.path);
  if (!st) return { ...base, state: 'missing', actualSha256: null, actualSize: null, detail: 'the file is missing', stamp: null };
  const stamp = stampFrom(st);
  // Hashing a named pipe would wait forever for a writer.
  const kind = nonRegularKind(st);
  if (kind !== null) return { ...base, state: 'changed', actualSha256: null, actualSize: null, detail: `it is no longer a regular file: it is ${kind}`, stamp };
  if (e.sha256 === null) {
    const same = stamp.size === e.size;
    return { ...base, state: same ? 'unhashed' : 'changed', actualSha256: null, actualSize: stamp.size, detail: same ? 'no SHA-256 was recorded at import; only the size could be compared (it matches)' : `its size changed: ${e.size} bytes at import, ${stamp.size} now`, stamp };
  }
  let actual: { sha256: string; size: number };
  try {
    actual = hashFile(e.path, onBytes);
  } catch (err) {
    return { ...base, state: 'missing', actualSha256: null, actualSize: null, detail: `the file cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, stamp: null };
  }
  if (actual.sha256 === e.sha256 && actual.size === e.size) return { ...base, state: 'ok', actualSha256: actual.sha256, actualSize: actual.size, detail: 'unchanged', stamp };
  const detail = actual.size !== e.size ? `its size changed: ${e.size} bytes at import, ${actual.size} now` : `its SHA-256 changed: ${e.sha256.slice(0, 16)}… at import, ${actual.sha256.slice(0, 16)}… now`;
  return { ...base, state: 'changed', actualSha256: actual.sha256, actualSize: actual.size, detail, stamp };
}
