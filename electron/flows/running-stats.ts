/**
 * Count, min, max, mean and variance of a stream of values in O(1) memory
 * (Welford's algorithm: no cancellation when the values are large and close).
 * Standard deviation is the sample one (n − 1), as CICFlowMeter's Apache
 * Commons SummaryStatistics reports it.
 */
export class RunningStats {
  n = 0;
  min = 0;
  max = 0;
  mean = 0;
  sum = 0;
  private m2 = 0;

  reset(): void {
    this.n = this.min = this.max = this.mean = this.sum = this.m2 = 0;
  }

  copyFrom(o: RunningStats): this {
    this.n = o.n;
    this.min = o.min;
    this.max = o.max;
    this.mean = o.mean;
    this.sum = o.sum;
    this.m2 = o.m2;
    return this;
  }

  add(x: number): void {
    const n = ++this.n;
    if (n === 1) {
      this.min = this.max = x;
    } else {
      if (x < this.min) this.min = x;
      if (x > this.max) this.max = x;
    }
    this.sum += x;
    const d = x - this.mean;
    this.mean += d / n;
    this.m2 += d * (x - this.mean);
  }

  get variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : 0;
  }

  get std(): number {
    return Math.sqrt(this.variance);
  }
}
