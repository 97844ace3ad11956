import { draftFrom, percent, seconds, severityOf, type Detector, type FindingDraft } from './detector';
import { groupBy } from './episodes';

type T = { minConnections: number; maxJitter: number; minInterval: number };

/**
 * Beaconing: one source connects to the same destination and port again and
 * again at a steady rhythm, as implants calling home do. The rhythm is the
 * intervals between connection starts; jitter is their coefficient of
 * variation (standard deviation / mean), so 0.1 means the intervals vary by
 * about 10%. Each connection must be its own flow: UDP datagrams on one port
 * pair within the idle timeout form one flow and show no rhythm here.
 */
export const beaconing: Detector<T> = {
  kind: 'beaconing',
  title: 'Beaconing',
  description: 'At least minConnections flows from one source to one destination host and port whose start intervals have a mean of at least minInterval seconds and vary by at most maxJitter (standard deviation / mean).',
  thresholds: {
    minConnections: { value: 10, description: 'repetitions (flows) from one source to one destination and port' },
    maxJitter: { value: 0.1, description: 'largest coefficient of variation of the intervals between starts' },
    minInterval: { value: 1, description: 'seconds: shortest mean interval (faster repetition is a burst, not a beacon)' },
  },
  detect(flows, t) {
    const out: FindingDraft[] = [];
    const groups = groupBy(flows, () => true, (i) => `${flows.src[i]} ${flows.dst[i]} ${flows.proto[i]} ${flows.dport[i]}`);
    for (const g of groups.values()) {
      if (g.length < t.minConnections) continue;
      const gaps = g.slice(1).map((i, k) => flows.first[i] - flows.first[g[k]]);
      const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
      if (mean < t.minInterval) continue;
      const std = Math.sqrt(gaps.reduce((a, b) => a + (b - mean) ** 2, 0) / gaps.length);
      const jitter = std / mean;
      if (jitter > t.maxJitter) continue;
      const d = draftFrom(flows, g, { kind: 'beaconing', severity: severityOf(g.length, t.minConnections), count: g.length, explanation: '' });
      d.explanation = `${d.srcIps[0]} → ${d.dstIps[0]} ${d.proto}/${d.dstPort}: ${g.length} connections every ${seconds(mean)} (jitter ${(jitter * 100).toFixed(1)}% over ${gaps.length} intervals); thresholds ${t.minConnections} connections, jitter ≤ ${percent(t.maxJitter)}`;
      out.push(d);
    }
    return out;
  },
};
