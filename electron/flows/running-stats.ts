/**
 * Count, min, max, mean and variance of a stream of values in O(1) memory and
 * without a division per value: sums are kept of the values shifted by the
 * first one, which keeps the variance exact to rounding even when the values
 * are large and close together (the "shifted data" algorithm). Standard
 * deviation is the sample one (n − 1), as CICFlowMeter's Apache Commons
 * SummaryStatistics reports it.
 */
export class RunningStats {
  n = 0;
  min = 0;
  max = 0;
  sum = 0;
  private shift = 0;
  private s1 = 0;
  private s2 = 0;

  reset(): void {
    this.n = this.min = this.max = this.sum = this.shift = this.s1 = this.s2 = 0;
  }

  copyFrom(o: RunningStats): this {
    this.n = o.n;
    this.min = o.min;
    this.max = o.max;
    this.sum = o.sum;
    this.shift = o.shift;
    this.s1 = o.s1;
    this.s2 = o.s2;
    return this;
  }

  add(x: number): void {
    if (this.n++ === 0) {
      this.min = this.max = this.shift = x;
    } else if (x < this.min) {
      this.min = x;
    } else if (x > this.max) {
      this.max = x;
    }
    this.sum += x;
    const d = x - this.shift;
    this.s1 += d;
    this.s2 += d * d;
  }

  get mean(): number {
    return this.n > 0 ? this.sum / this.n : 0;
  }

  get variance(): number {
    const n = this.n;
    if (n < 2) return 0;
    const v = (this.s2 - (this.s1 * this.s1) / n) / (n - 1);
    return v > 0 ? v : 0;
  }

  get std(): number {
    return Math.sqrt(this.variance);
  }
}
