import { draftFrom, percent, seconds, severityOf, type Detector, type FindingDraft } from './detector';
import { episodes, groupBy } from './episodes';

type T = { minRetransmissions: number; minShare: number; gap: number };

/**
 * Retransmission storm: between one source and one destination, many
 * segments are sent again (Wireshark's tcp.analysis.retransmission, fast and
 * spurious included), and they are a large share of the packets. Copies of a
 * datagram seen twice on the wire are duplicates, not retransmissions
 * (duplicate-burst.ts): they are taken out of the count first.
 */
export const retransmissionStorm: Detector<T> = {
  kind: 'retransmission_storm',
  title: 'Retransmission storm',
  description: 'Between one source and one destination host, at least minRetransmissions retransmitted TCP segments (duplicated packets not counted), at least minShare of all their packets in that episode.',
  thresholds: {
    minRetransmissions: { value: 50, description: 'retransmitted segments between the two hosts' },
    minShare: { value: 0.1, description: 'retransmissions as a share of the packets of their flows in the episode' },
    gap: { value: 60, description: 'seconds between flow starts that end an episode' },
  },
  detect(flows, t) {
    const out: FindingDraft[] = [];
    const retrans = (i: number) => Math.max(0, flows.retrans[i] - flows.dupRetrans[i]);
    const pairs = groupBy(flows, (i) => flows.proto[i] === 6, (i) => `${flows.src[i]} ${flows.dst[i]}`);
    for (const g of pairs.values()) {
      for (const ep of episodes(flows, g, t.gap)) {
        const evidence = ep.filter((i) => retrans(i) > 0);
        const count = evidence.reduce((a, i) => a + retrans(i), 0);
        if (count < t.minRetransmissions) continue;
        const packets = ep.reduce((a, i) => a + flows.packets[i], 0);
        const share = count / Math.max(1, packets);
        if (share < t.minShare) continue;
        const d = draftFrom(flows, evidence, { kind: 'retransmission_storm', severity: severityOf(count, t.minRetransmissions), count, explanation: '' });
        d.explanation = `${d.srcIps[0]} → ${d.dstIps[0]}: ${count} retransmitted segments in ${evidence.length} flow${evidence.length === 1 ? '' : 's'}, ${percent(share)} of ${packets} packets, over ${seconds(d.endTs - d.startTs)}; thresholds ${t.minRetransmissions} segments, ${percent(t.minShare)}`;
        out.push(d);
      }
    }
    return out;
  },
};
