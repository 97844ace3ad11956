/**
 * Up to `size` distinct indexes of [0, n), chosen by a seeded generator
 * (mulberry32) and returned in ascending order: the same input and seed
 * always give the same sample.
 */
export function sampleIndexes(n: number, size: number, seed: number): number[] {
  if (size >= n) return Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0;
  const next = () => {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Partial Fisher–Yates over a lazily materialised permutation.
  const swapped = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(next() * (n - i));
    const vi = swapped.get(i) ?? i;
    const vj = swapped.get(j) ?? j;
    swapped.set(j, vi);
    out.push(vj);
  }
  return out.sort((a, b) => a - b);
}
