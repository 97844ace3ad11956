import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpus, corpusDir } from './corpus';

/** Every file under a corpus folder, as paths relative to the corpus, sorted. */
export function corpusFiles(under = '.'): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(corpusDir, p));
    }
  };
  walk(corpus(under));
  return out.filter((f) => f !== 'MANIFEST.tsv').sort();
}

/** Capture files by name (pcap, pcapng, either gzip-compressed). */
export function isCaptureName(rel: string): boolean {
  return /\.(pcap|pcapng|cap)(\.gz)?$/.test(rel);
}
