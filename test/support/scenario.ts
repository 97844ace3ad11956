import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateAttackScenario, generateOutlierHosts, type PlantedOutlier } from '../generators/attack-scenario';
import { generateMixedTraffic } from '../generators/mixed-traffic';
import type { PlantedFinding } from '../generators/planted';
import { repoRoot } from './corpus';

const dir = join(repoRoot, 'test-results', 'generated');

/** Writes `name` once (atomically, so parallel test files never see half a file) and returns its path. */
function cached(name: string, write: (tmp: string) => void): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  if (!existsSync(path)) {
    const tmp = `${path}.${process.pid}.tmp`;
    write(tmp);
    renameSync(tmp, path);
  }
  return path;
}

/**
 * Benign traffic for the analysis tests: 60 clients browsing (DNS, HTTPS,
 * HTTP, NTP, pings) for about five minutes, about 15 sessions each, so that
 * normal hosts look alike enough to cluster.
 */
export function benignCapture(): string {
  return cached('benign-12-60000.pcap', (tmp) => generateMixedTraffic({ seed: 12, packets: 60_000, out: tmp, clients: 60, sessionRate: 3 }));
}

/** The attack scenario (test/generators/attack-scenario.ts) over the same five minutes, with what each detector must find. */
export function attackCapture(): { path: string; planted: PlantedFinding[] } {
  // The truth is published after the capture, so finding it means both are complete.
  const truth = cached('attacks-3.json', (tmp) => {
    const pcapTmp = `${tmp}.pcap`;
    const { planted } = generateAttackScenario({ seed: 3, out: pcapTmp });
    renameSync(pcapTmp, join(dir, 'attacks-3.pcap'));
    writeFileSync(tmp, JSON.stringify(planted));
  });
  return { path: join(dir, 'attacks-3.pcap'), planted: JSON.parse(readFileSync(truth, 'utf8')) as PlantedFinding[] };
}

/** Three hosts that stand out among the benign clients, for K-Means, with the features they were built to have. */
export function outlierCapture(): { path: string; outliers: PlantedOutlier[] } {
  const truth = cached('outliers-5.json', (tmp) => {
    const pcapTmp = `${tmp}.pcap`;
    const { outliers } = generateOutlierHosts({ seed: 5, out: pcapTmp });
    renameSync(pcapTmp, join(dir, 'outliers-5.pcap'));
    writeFileSync(tmp, JSON.stringify(outliers));
  });
  return { path: join(dir, 'outliers-5.pcap'), outliers: JSON.parse(readFileSync(truth, 'utf8')) as PlantedOutlier[] };
}
