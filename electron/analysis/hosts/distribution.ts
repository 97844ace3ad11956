/** Running mean and variance (Welford), stable over millions of values. */
export class RunningMoments {
  n = 0;
  private mean_ = 0;
  private m2 = 0;

  add(x: number): void {
    this.n++;
    const d = x - this.mean_;
    this.mean_ += d / this.n;
    this.m2 += d * (x - this.mean_);
  }

  get mean(): number | null {
    return this.n ? this.mean_ : null;
  }

  /** Population variance (the seed's "variance of packet sizes" over all packets, not a sample estimate). */
  get variance(): number | null {
    return this.n ? this.m2 / this.n : null;
  }
}

/** Shannon entropy in bits of a distribution given by its counts; null when empty. */
export function entropyBits(counts: Iterable<number>): number | null {
  let total = 0;
  const list: number[] = [];
  for (const c of counts) {
    if (c > 0) {
      list.push(c);
      total += c;
    }
  }
  if (total === 0) return null;
  let h = 0;
  for (const c of list) {
    const p = c / total;
    h -= p * Math.log2(p);
  }
  // -0 and rounding noise on a single value read as 0.
  return Math.max(0, h);
}

/** A Float64Array that grows: packet times of one host, without a JS array per value. */
export class GrowableFloats {
  buf = new Float64Array(64);
  length = 0;

  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }

  view(): Float64Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Counts per key (exact packet sizes, ports). */
export class Counter<K> {
  readonly map = new Map<K, number>();

  add(k: K, n = 1): void {
    this.map.set(k, (this.map.get(k) ?? 0) + n);
  }

  entropy(): number | null {
    return entropyBits(this.map.values());
  }
}

/** Frame-size histogram: fixed 64-byte bins up to 1536, then one bin for larger (jumbo, offloaded) frames. */
export const SIZE_BIN = 64;
export const SIZE_BINS = 1536 / SIZE_BIN + 1;

export function sizeBin(len: number): number {
  return Math.min(Math.floor(len / SIZE_BIN), SIZE_BINS - 1);
}

/**
 * Inter-arrival bins: two per decade from 1 µs to 10,000 s (upper edges), then
 * one open bin. Log bins because IATs span from back-to-back segments to hours
 * of silence; the entropy of the binned IATs uses the same bins.
 */
export const IAT_EDGES = Array.from({ length: 21 }, (_, k) => Number((1e-6 * 10 ** (k / 2)).toPrecision(3)));

export function iatBin(s: number): number {
  // Binary search over 21 edges: the first edge ≥ s.
  let lo = 0;
  let hi = IAT_EDGES.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (IAT_EDGES[mid] >= s) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
