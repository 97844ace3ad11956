import { ConnClass } from './connection-classes';
import { draftFrom, seconds, severityOf, type Detector, type FindingDraft } from './detector';
import { distinct, episodes, groupBy, startSpread, stateSummary } from './episodes';

type T = { minHosts: number; gap: number };

/**
 * Horizontal scan: one source probes the same port on many hosts. Only
 * probes count (attempts without payload that did not end normally), so a
 * browser talking to many web servers is not a scanner. Defaults after Zeek's
 * address-scan policy (25 hosts in 5 minutes), a little lower.
 */
export const horizontalScan: Detector<T> = {
  kind: 'horizontal_scan',
  title: 'Horizontal scan',
  description: 'One source sends probes to one port (same protocol) on at least minHosts distinct hosts.',
  thresholds: {
    minHosts: { value: 20, description: 'distinct destination hosts probed on one port' },
    gap: { value: 300, description: 'seconds without a probe that end a scan episode' },
  },
  detect(flows, t) {
    const out: FindingDraft[] = [];
    const groups = groupBy(flows, (i) => (flows.cls[i] & ConnClass.Probe) !== 0, (i) => `${flows.src[i]} ${flows.proto[i]} ${flows.dport[i]}`);
    for (const g of groups.values()) {
      for (const ep of episodes(flows, g, t.gap)) {
        const hosts = distinct(ep, (i) => flows.dst[i]);
        if (hosts < t.minHosts) continue;
        const src = flows.ips[flows.src[ep[0]]];
        const port = `${flows.protoName(ep[0])}/${flows.dport[ep[0]]}`;
        out.push(
          draftFrom(flows, ep, {
            kind: 'horizontal_scan',
            severity: severityOf(hosts, t.minHosts),
            count: hosts,
            explanation: `${src} probed ${port} on ${hosts} hosts in ${seconds(startSpread(flows, ep, 0))} (${stateSummary(flows, ep)}); threshold ${t.minHosts} hosts`,
          }),
        );
      }
    }
    return out;
  },
};
