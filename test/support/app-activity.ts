import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateAppActivityTraffic, type AppActivityCapture } from '../generators/app-activity-traffic';
import { repoRoot } from './corpus';

/**
 * A generated per-app activity capture (seed 002's set-up) and its ground
 * truth, cached under test-results/generated so test files share it; the seed
 * makes it identical every time.
 */
export function appActivityCapture(activities = 40, seed = 2): AppActivityCapture & { path: string } {
  const dir = join(repoRoot, 'test-results', 'generated');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `app-activity-${seed}-${activities}.pcap`);
  const truth = `${path}.truth.json`;
  if (!existsSync(path) || !existsSync(truth)) {
    const tmp = `${path}.${process.pid}.tmp`;
    const r = generateAppActivityTraffic({ seed, activities, out: tmp });
    writeFileSync(`${truth}.${process.pid}.tmp`, JSON.stringify(r));
    // Atomic publish: a parallel test never sees a half-written file.
    renameSync(`${truth}.${process.pid}.tmp`, truth);
    renameSync(tmp, path);
  }
  return { ...(JSON.parse(readFileSync(truth, 'utf8')) as AppActivityCapture), path };
}
