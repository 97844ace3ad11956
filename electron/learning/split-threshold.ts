import type { BinnedData } from './bin-mapper';

/**
 * The raw-value threshold of a split after bin `bin`: that bin's upper edge,
 * or, for a split of every value from the missing ones, a number above any
 * value (features are clamped to the float32 range when read).
 */
export function splitThreshold(d: BinnedData, feature: number, bin: number): number {
  const e = d.edges[feature];
  return bin < e.length ? e[bin] : Number.MAX_VALUE;
}
