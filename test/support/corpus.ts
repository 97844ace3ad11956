import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The shared corpus of real captures, beside the checkout (FLOWSIGHT_CORPUS overrides). */
export const corpusDir = process.env.FLOWSIGHT_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus');

export function corpus(rel: string): string {
  const p = join(corpusDir, rel);
  if (!existsSync(p)) throw new Error(`corpus file ${p} is missing: tests read real captures from ../shared/corpus (or FLOWSIGHT_CORPUS)`);
  return p;
}

export interface ManifestEntry {
  path: string;
  license: string;
  packets: number;
  linkType: string;
}

export function manifest(): ManifestEntry[] {
  const text = readFileSync(corpus('MANIFEST.tsv'), 'utf8');
  const [, ...lines] = text.trim().split('\n');
  return lines.map((l) => {
    const c = l.split('\t');
    return { path: c[0], license: c[3], packets: Number(c[5]), linkType: c[6] };
  });
}
