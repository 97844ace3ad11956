import { ConnClass } from './connection-classes';
import { draftFrom, seconds, severityOf, type Detector, type FindingDraft } from './detector';
import { distinct, episodes, groupBy, startSpread, stateSummary } from './episodes';

type T = { minPorts: number; gap: number };

/**
 * Vertical port scan: one source probes many ports of one host. Probes are
 * connection attempts that carried no payload and did not end normally
 * (connection-classes.ts), so a client that uses a handful of services on a
 * server is not a scanner. Defaults after Zeek's scan policy (15 ports).
 */
export const verticalScan: Detector<T> = {
  kind: 'vertical_scan',
  title: 'Vertical port scan',
  description: 'One source sends probes (attempts without payload that did not end normally) to at least minPorts distinct ports of one destination host.',
  thresholds: {
    minPorts: { value: 15, description: 'distinct destination ports probed on one host' },
    gap: { value: 300, description: 'seconds without a probe that end a scan episode' },
  },
  detect(flows, t) {
    const out: FindingDraft[] = [];
    const groups = groupBy(flows, (i) => (flows.cls[i] & ConnClass.Probe) !== 0, (i) => `${flows.src[i]} ${flows.dst[i]}`);
    for (const g of groups.values()) {
      for (const ep of episodes(flows, g, t.gap)) {
        const ports = distinct(ep, (i) => `${flows.proto[i]}/${flows.dport[i]}`);
        if (ports < t.minPorts) continue;
        const src = flows.ips[flows.src[ep[0]]];
        const dst = flows.ips[flows.dst[ep[0]]];
        out.push(
          draftFrom(flows, ep, {
            kind: 'vertical_scan',
            severity: severityOf(ports, t.minPorts),
            count: ports,
            dstPort: null,
            explanation: `${src} probed ${ports} ports of ${dst} in ${seconds(startSpread(flows, ep, 0))} with ${ep.length} attempts (${stateSummary(flows, ep)}); threshold ${t.minPorts} ports`,
          }),
        );
      }
    }
    return out;
  },
};
