import { ConnClass } from './connection-classes';
import { draftFrom, percent, seconds, severityOf, type Detector, type FindingDraft } from './detector';
import { distinct, episodes, groupBy, startSpread, stateSummary } from './episodes';

type T = { minSyns: number; minRate: number; minShare: number; gap: number };

/**
 * SYN flood: many handshakes to one service that are never completed by
 * their originators (S0 unanswered, S1 with only a SYN-ACK back, REJ), fast,
 * and most of what the service receives then. Sources are often spoofed, so
 * they are not grouped: the target is the key.
 */
export const synFlood: Detector<T> = {
  kind: 'syn_flood',
  title: 'SYN flood',
  description: 'At least minSyns half-open TCP attempts (the originator never ACKed: unanswered, SYN-ACKed or rejected) to one destination host and port, at minRate per second or more, making up at least minShare of its TCP flows in that time.',
  thresholds: {
    minSyns: { value: 100, description: 'half-open attempts to one host and port' },
    minRate: { value: 20, description: 'attempts per second over the episode (its length counted as at least 1 s)' },
    minShare: { value: 0.8, description: 'share of the TCP flows to that host and port in the episode that are half-open' },
    gap: { value: 10, description: 'seconds without an attempt that end an episode' },
  },
  detect(flows, t) {
    const out: FindingDraft[] = [];
    const tcp = groupBy(flows, (i) => flows.proto[i] === 6, (i) => `${flows.dst[i]} ${flows.dport[i]}`);
    for (const all of tcp.values()) {
      const halfOpen = all.filter((i) => flows.cls[i] & ConnClass.HalfOpen);
      for (const ep of episodes(flows, halfOpen, t.gap)) {
        if (ep.length < t.minSyns) continue;
        const spread = startSpread(flows, ep);
        const rate = ep.length / spread;
        const from = flows.first[ep[0]];
        const to = flows.first[ep[ep.length - 1]];
        const inWindow = all.filter((i) => flows.first[i] >= from && flows.first[i] <= to).length;
        const share = ep.length / inWindow;
        if (rate < t.minRate || share < t.minShare) continue;
        const sources = distinct(ep, (i) => flows.src[i]);
        const target = `${flows.ips[flows.dst[ep[0]]]}:${flows.dport[ep[0]]}`;
        out.push(
          draftFrom(flows, ep, {
            kind: 'syn_flood',
            severity: severityOf(ep.length, t.minSyns),
            count: ep.length,
            explanation: `${ep.length} half-open SYNs to ${target} from ${sources} source${sources === 1 ? '' : 's'} in ${seconds(startSpread(flows, ep, 0))} (${rate.toFixed(0)}/s; ${stateSummary(flows, ep)}), ${percent(share)} of its TCP flows then; thresholds ${t.minSyns} SYNs, ${t.minRate}/s, ${percent(t.minShare)}`,
          }),
        );
      }
    }
    return out;
  },
};
