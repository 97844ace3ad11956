import { readFileSync } from 'node:fs';

/**
 * Receive drops the interface itself counted (Linux /proc/net/dev "drop"):
 * packets lost before libpcap could see them. Null where the system does not
 * say. (`cap` does not expose pcap_stats, so libpcap's own kernel-drop counter
 * is not available.)
 */
export function interfaceDrops(device: string): number | null {
  if (process.platform !== 'linux') return null;
  try {
    for (const line of readFileSync('/proc/net/dev', 'utf8').split('\n')) {
      const m = /^\s*([^:]+):\s*(.*)$/.exec(line);
      if (m && m[1] === device) return Number(m[2].trim().split(/\s+/)[3]);
    }
  } catch {
    return null;
  }
  return null;
}
