import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/**
 * Packet counts from the MANIFEST: capinfos's, or tcpdump's where capinfos
 * failed ("15 (tcpdump; capinfos failed)"), by relative path.
 */
export function manifestPackets(): Map<string, number> {
  const [, ...lines] = readFileSync(corpus('MANIFEST.tsv'), 'utf8').trim().split('\n');
  const out = new Map<string, number>();
  for (const l of lines) {
    const c = l.split('\t');
    if (/^\d+/.test(c[5] ?? '')) out.set(c[0], parseInt(c[5], 10));
  }
  return out;
}
