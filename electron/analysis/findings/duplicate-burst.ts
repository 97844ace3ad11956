import { draftFrom, seconds, severityOf, type Detector, type FindingDraft } from './detector';
import { episodes, groupBy } from './episodes';

type T = { minDuplicates: number; maxGapMs: number; gap: number };

/**
 * Duplicate-packet burst. A duplicate is the same IP datagram seen again:
 * in one flow and direction, a TCP segment identical to one seen at most
 * maxGapMs earlier in IPv4 identification (IPv6 has none), sequence and
 * acknowledgment numbers, flags, window and payload length
 * (duplicate-packets.ts reads them from the packet index). A sender's
 * retransmission is a new datagram, with a new identification and after a
 * timeout; a duplicate comes from the network or the capture (a mirror port
 * fed twice, a switching loop). Flows without a packet index (imported flow
 * records) have none to show.
 */
export const duplicateBurst: Detector<T> = {
  kind: 'duplicate_burst',
  title: 'Duplicate-packet burst',
  description: 'Between one source and one destination host, at least minDuplicates packets that are byte-level repeats of the datagram just before them (same IPv4 ID, TCP sequence, ACK, flags, window and length within maxGapMs).',
  thresholds: {
    minDuplicates: { value: 20, description: 'duplicated packets between the two hosts' },
    maxGapMs: { value: 100, description: 'milliseconds within which a repeat counts as a duplicate' },
    gap: { value: 60, description: 'seconds between flow starts that end an episode' },
  },
  detect(flows, t) {
    const out: FindingDraft[] = [];
    const pairs = groupBy(flows, (i) => flows.dup[i] > 0, (i) => `${flows.src[i]} ${flows.dst[i]}`);
    for (const g of pairs.values()) {
      for (const ep of episodes(flows, g, t.gap)) {
        const count = ep.reduce((a, i) => a + flows.dup[i], 0);
        if (count < t.minDuplicates) continue;
        const d = draftFrom(flows, ep, { kind: 'duplicate_burst', severity: severityOf(count, t.minDuplicates), count, explanation: '' });
        d.explanation = `${d.srcIps[0]} → ${d.dstIps[0]}: ${count} duplicated packets (same IP datagram again within ${t.maxGapMs} ms) in ${ep.length} flow${ep.length === 1 ? '' : 's'} over ${seconds(d.endTs - d.startTs)}; threshold ${t.minDuplicates}`;
        out.push(d);
      }
    }
    return out;
  },
};
