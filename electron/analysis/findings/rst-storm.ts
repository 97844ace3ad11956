import { ConnClass } from './connection-classes';
import { draftFrom, percent, seconds, severityOf, type Detector, type FindingDraft } from './detector';
import { distinct, episodes, groupBy, stateSummary } from './episodes';

type T = { minResets: number; minShare: number; gap: number };

/**
 * RST storm: many established connections to one host torn down by a reset
 * (RSTO, RSTR), making up most of its connections then: a crashing service,
 * a device injecting resets, a denial of service. Attempts refused with a
 * RST (REJ) are not counted here: those are scans and floods.
 */
export const rstStorm: Detector<T> = {
  kind: 'rst_storm',
  title: 'RST storm',
  description: 'At least minResets established TCP connections to one destination host ended by a RST (RSTO/RSTR), at least minShare of its established connections in that episode.',
  thresholds: {
    minResets: { value: 30, description: 'established connections reset' },
    minShare: { value: 0.5, description: 'share of the host’s established connections in the episode that were reset' },
    gap: { value: 10, description: 'seconds without a reset connection that end an episode' },
  },
  detect(flows, t) {
    const out: FindingDraft[] = [];
    const byHost = groupBy(flows, (i) => (flows.cls[i] & ConnClass.Established) !== 0, (i) => `${flows.dst[i]}`);
    for (const all of byHost.values()) {
      const resets = all.filter((i) => flows.cls[i] & ConnClass.EstablishedReset);
      for (const ep of episodes(flows, resets, t.gap)) {
        if (ep.length < t.minResets) continue;
        const from = flows.first[ep[0]];
        const to = flows.first[ep[ep.length - 1]];
        const share = ep.length / all.filter((i) => flows.first[i] >= from && flows.first[i] <= to).length;
        if (share < t.minShare) continue;
        const sources = distinct(ep, (i) => flows.src[i]);
        const d = draftFrom(flows, ep, { kind: 'rst_storm', severity: severityOf(ep.length, t.minResets), count: ep.length, explanation: '' });
        d.explanation = `${ep.length} established connections to ${d.dstIps[0]} from ${sources} host${sources === 1 ? '' : 's'} were reset (${stateSummary(flows, ep)}) within ${seconds(d.endTs - d.startTs)}, ${percent(share)} of its connections then; thresholds ${t.minResets}, ${percent(t.minShare)}`;
        out.push(d);
      }
    }
    return out;
  },
};
