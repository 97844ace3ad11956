/** Euclidean distance in the scaled feature space. */
export function euclidean(a: number[], b: number[]): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] - b[j]) ** 2;
  return Math.sqrt(s);
}

/** The nearest centroid's index and the distance to it. */
export function nearest(p: number[], centroids: number[][]): { cluster: number; distance: number } {
  let cluster = 0;
  let distance = Infinity;
  for (let c = 0; c < centroids.length; c++) {
    const d = euclidean(p, centroids[c]);
    if (d < distance) {
      distance = d;
      cluster = c;
    }
  }
  return { cluster, distance };
}
