import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { generateMixedTraffic } from '../generators/mixed-traffic';
import { repoRoot } from './corpus';

/**
 * A generated mixed-traffic capture, cached under test-results/generated so
 * several test files can share it; the seed makes it identical every time.
 */
export function generatedCapture(packets: number, seed = 7): string {
  const dir = join(repoRoot, 'test-results', 'generated');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `mixed-${seed}-${packets}.pcap`);
  if (!existsSync(path)) {
    const tmp = `${path}.${process.pid}.tmp`;
    generateMixedTraffic({ seed, packets, out: tmp });
    // Atomic publish: a parallel test never sees a half-written file.
    renameSync(tmp, path);
  }
  return path;
}
