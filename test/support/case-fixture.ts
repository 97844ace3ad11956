import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openCaseDb } from '../../electron/cases/case-db';
import { DirectCaseWriter } from '../../electron/cases/case-writer';
import { ingestFiles, type IngestResult } from '../../electron/ingest/ingest-files';

/** A case built in this process (no workers): the files ingested with the default options, by `user`. */
export async function buildCase(path: string, files: string[], user = 'examiner'): Promise<IngestResult> {
  const db = openCaseDb(path, { create: true, user });
  const writer = new DirectCaseWriter(db, user);
  try {
    return await ingestFiles(writer, files);
  } finally {
    await writer.close();
    db.close();
  }
}

/** Every file under `dir` with its size, modification time and SHA-256: two snapshots are equal only if nothing was written. */
export function snapshotFolder(dir: string): Record<string, { size: number; mtimeMs: number; sha256: string }> {
  const out: Record<string, { size: number; mtimeMs: number; sha256: string }> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        out[relative(dir, p)] = { size: s.size, mtimeMs: s.mtimeMs, sha256: createHash('sha256').update(readFileSync(p)).digest('hex') };
      }
    }
  };
  walk(dir);
  return out;
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
