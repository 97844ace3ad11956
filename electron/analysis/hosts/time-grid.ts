/**
 * Hour of day and weekday of an instant in the case's time zone. Intl is slow
 * per call, and offsets only change on the hour (or half hour) at most, so the
 * answer is memoised per UTC quarter-hour: a case spans few of them.
 */
export class WallClock {
  private fmt: Intl.DateTimeFormat;
  private memo = new Map<number, number>();
  private static DAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

  constructor(readonly timeZone: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' });
  }

  /** weekday × 24 + hour, weekday Monday = 0 (ISO 8601). */
  cell(ts: number): number {
    const q = Math.floor(ts / 900);
    let c = this.memo.get(q);
    if (c === undefined) {
      let day = 0;
      let hour = 0;
      for (const p of this.fmt.formatToParts(new Date(q * 900_000))) {
        if (p.type === 'weekday') day = WallClock.DAYS[p.value] ?? 0;
        else if (p.type === 'hour') hour = Number(p.value) % 24;
      }
      c = day * 24 + hour;
      if (this.memo.size > 200_000) this.memo.clear();
      this.memo.set(q, c);
    }
    return c;
  }
}

const NICE = [60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];

/**
 * One time axis for every host's "activity over time", from the case's span:
 * at most `buckets` intervals of a round length, so hosts line up with each
 * other and with the whole case.
 */
export function activityAxis(first: number, last: number, buckets = 120): { start: number; interval: number; count: number } {
  if (!Number.isFinite(first) || !Number.isFinite(last)) return { start: 0, interval: 3600, count: 0 };
  const span = Math.max(last - first, 1);
  const interval = NICE.find((i) => span / i <= buckets) ?? Math.ceil(span / buckets / 86400) * 86400;
  const start = Math.floor(first / interval) * interval;
  return { start, interval, count: Math.floor((last - start) / interval) + 1 };
}
