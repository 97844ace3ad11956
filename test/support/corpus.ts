import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The shared corpus of real captures: FLOWSIGHT_CORPUS, else `shared/corpus`
 * beside the checkout or beside one of its parents (CI clones elsewhere), else
 * the workplace's copy.
 */
function findCorpus(): string {
  if (process.env.FLOWSIGHT_CORPUS) return process.env.FLOWSIGHT_CORPUS;
  const candidates: string[] = [];
  for (let dir = repoRoot; ; dir = dirname(dir)) {
    candidates.push(join(dir, '..', 'shared', 'corpus'));
    if (dirname(dir) === dir) break;
  }
  candidates.push('/work/shared/corpus');
  return candidates.find((c) => existsSync(join(c, 'MANIFEST.tsv'))) ?? candidates[0];
}

export const corpusDir = findCorpus();

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
