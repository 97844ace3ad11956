/** Doubles one RunningStats keeps: n, min, max, sum, shift, s1, s2. */
export const STATS_STRIDE = 7;
const N = 0;
const MIN = 1;
const MAX = 2;
const SUM = 3;
const S1 = 5;
const S2 = 6;

/**
 * Adds `x` to the statistics kept in `v` from `at` on (the layout RunningStats
 * reads). Hot per-packet code calls this on a flow's shared array directly: a
 * small function of (array, literal offset, value) inlines wherever it is
 * called, where a method reached through two objects did not always, and a
 * call left out of line boxes its double argument.
 */
export function addStat(v: Float64Array, at: number, x: number): void {
  if (v[at]++ === 0) {
    v[at + 1] = v[at + 2] = v[at + 4] = x;
  } else if (x < v[at + 1]) {
    v[at + 1] = x;
  } else if (x > v[at + 2]) {
    v[at + 2] = x;
  }
  v[at + 3] += x;
  const d = x - v[at + 4];
  v[at + 5] += d;
  v[at + 6] += d * d;
}

/**
 * Count, min, max, mean and variance of a stream of values in O(1) memory and
 * without a division per value: sums are kept of the values shifted by the
 * first one, which keeps the variance exact to rounding even when the values
 * are large and close together (the "shifted data" algorithm). Standard
 * deviation is the sample one (n − 1), as CICFlowMeter's Apache Commons
 * SummaryStatistics reports it.
 *
 * The numbers live in a Float64Array, which a flow's statistics share (each at
 * its own `at`, STATS_STRIDE apart): as object fields each double would be a
 * separate heap number, about 1 KB per flow over the ten statistics a flow keeps.
 */
export class RunningStats {
  constructor(
    private readonly v: Float64Array = new Float64Array(STATS_STRIDE),
    private readonly at = 0,
  ) {}

  get n(): number {
    return this.v[this.at + N];
  }

  get min(): number {
    return this.v[this.at + MIN];
  }

  get max(): number {
    return this.v[this.at + MAX];
  }

  get sum(): number {
    return this.v[this.at + SUM];
  }

  reset(): void {
    this.v.fill(0, this.at, this.at + STATS_STRIDE);
  }

  copyFrom(o: RunningStats): this {
    this.v.set(o.v.subarray(o.at, o.at + STATS_STRIDE), this.at);
    return this;
  }

  add(x: number): void {
    addStat(this.v, this.at, x);
  }

  get mean(): number {
    const n = this.v[this.at + N];
    return n > 0 ? this.v[this.at + SUM] / n : 0;
  }

  get variance(): number {
    const v = this.v;
    const n = v[this.at + N];
    if (n < 2) return 0;
    const s1 = v[this.at + S1];
    const r = (v[this.at + S2] - (s1 * s1) / n) / (n - 1);
    return r > 0 ? r : 0;
  }

  get std(): number {
    return Math.sqrt(this.variance);
  }
}
