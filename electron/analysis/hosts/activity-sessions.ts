import type { HostProfile } from '../../../shared/domain/hosts';
import { GrowableFloats } from './distribution';

export const MAX_LISTED_SESSIONS = 500;

/**
 * A host's activity split into sessions by idle gaps: the union of its flows'
 * [first, last] intervals, cut wherever nothing of the host was in flight for
 * longer than `gap` seconds (default 30 minutes). A long-lived flow keeps its
 * session open for as long as it lasts, so a background connection joins the
 * sessions around it; that is the definition, and why the gap is a setting.
 */
export class SessionSplitter {
  private starts = new GrowableFloats();
  private ends = new GrowableFloats();
  private bytes = new GrowableFloats();

  add(first: number | null, last: number | null, bytes: number): void {
    if (first === null) return;
    this.starts.push(first);
    this.ends.push(last ?? first);
    this.bytes.push(bytes);
  }

  split(gap: number): HostProfile['sessions'] {
    const n = this.starts.length;
    const s = this.starts.view();
    const e = this.ends.view();
    const b = this.bytes.view();
    const order = Uint32Array.from({ length: n }, (_, i) => i).sort((x, y) => s[x] - s[y]);
    const list: HostProfile['sessions']['list'] = [];
    const durations: number[] = [];
    let cur: { start: number; end: number; flows: number; bytes: number } | null = null;
    const close = () => {
      if (!cur) return;
      durations.push(cur.end - cur.start);
      if (list.length < MAX_LISTED_SESSIONS) list.push(cur);
    };
    for (const i of order) {
      if (cur && s[i] - cur.end <= gap) {
        cur.end = Math.max(cur.end, e[i]);
        cur.flows++;
        cur.bytes += b[i];
      } else {
        close();
        cur = { start: s[i], end: e[i], flows: 1, bytes: b[i] };
      }
    }
    close();
    const total = durations.reduce((a, d) => a + d, 0);
    const sorted = [...durations].sort((a, b2) => a - b2);
    const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    return {
      gap,
      count: durations.length,
      totalDuration: total,
      meanDuration: durations.length ? total / durations.length : null,
      medianDuration: median,
      longest: sorted.length ? sorted[sorted.length - 1] : null,
      list,
      truncated: durations.length > list.length,
    };
  }
}
