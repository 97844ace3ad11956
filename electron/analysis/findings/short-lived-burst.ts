import { ConnClass } from './connection-classes';
import { draftFrom, seconds, severityOf, type Detector, type FindingDraft } from './detector';
import { distinct, episodes, groupBy, startSpread } from './episodes';

type T = { maxDuration: number; minConnections: number; minRate: number; gap: number };

/**
 * Burst of short-lived connections: one source opens many complete but very
 * brief TCP connections (handshake, a little data, FIN) in quick succession,
 * as bots polling or spreading do. Only normally closed connections (SF)
 * count; failed attempts are the business of the scan and flood detectors.
 */
export const shortLivedBurst: Detector<T> = {
  kind: 'short_lived_burst',
  title: 'Short-lived connection burst',
  description: 'One source opens at least minConnections complete TCP connections (SF) each shorter than maxDuration seconds, at minRate per second or more.',
  thresholds: {
    maxDuration: { value: 1, description: 'seconds: a connection shorter than this is short-lived' },
    minConnections: { value: 50, description: 'short-lived connections from one source' },
    minRate: { value: 1, description: 'connections per second over the burst' },
    gap: { value: 10, description: 'seconds without a short-lived connection that end a burst' },
  },
  detect(flows, t) {
    const out: FindingDraft[] = [];
    const groups = groupBy(flows, (i) => (flows.cls[i] & ConnClass.Closed) !== 0 && flows.duration[i] < t.maxDuration, (i) => `${flows.src[i]}`);
    for (const g of groups.values()) {
      for (const ep of episodes(flows, g, t.gap)) {
        if (ep.length < t.minConnections) continue;
        const rate = ep.length / startSpread(flows, ep);
        if (rate < t.minRate) continue;
        const hosts = distinct(ep, (i) => flows.dst[i]);
        const d = draftFrom(flows, ep, { kind: 'short_lived_burst', severity: severityOf(ep.length, t.minConnections), count: ep.length, explanation: '' });
        d.explanation = `${d.srcIps[0]} opened ${ep.length} connections shorter than ${t.maxDuration} s to ${hosts} host${hosts === 1 ? '' : 's'} in ${seconds(startSpread(flows, ep, 0))} (${rate.toFixed(1)}/s); thresholds ${t.minConnections} connections, ${t.minRate}/s`;
        out.push(d);
      }
    }
    return out;
  },
};
