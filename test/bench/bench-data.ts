import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { generateMixedTraffic } from '../generators/mixed-traffic';
import { repoRoot } from '../support/corpus';

export const benchDir = join(repoRoot, '.bench');

/**
 * The benchmark captures: mixed realistic traffic from the project's generator
 * with a fixed seed (TCP sessions with TLS hellos, HTTP, DNS, NTP, pings, 10%
 * IPv6), about 45 flows per thousand packets at about 4,000 packets/s (a busy
 * office uplink: the 1M file spans longer than the idle timeout). Generated once
 * and kept in .bench/.
 */
export function benchCapture(packets: number): string {
  mkdirSync(benchDir, { recursive: true });
  const path = join(benchDir, `mixed-${packets}.pcap`);
  if (!existsSync(path)) {
    process.stderr.write(`generating ${path} (${packets.toLocaleString('en-US')} packets)…\n`);
    const tmp = `${path}.tmp`;
    generateMixedTraffic({ seed: 2026, packets, out: tmp, clients: 2000, sessionRate: 100, exchanges: 2, responseBytes: 5000 });
    renameSync(tmp, path);
  }
  return path;
}
