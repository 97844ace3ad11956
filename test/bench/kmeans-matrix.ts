import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Random } from '../generators/random';
import { benchDir } from './bench-data';

/** Median and log-spread of each feature, per behaviour (browsing, streaming, mail, updates, chatty IoT). */
const BEHAVIOURS: [number, number][][] = [
  [[2e6, 1], [3e3, 0.8], [1, 1], [15, 0.5], [6, 0.4], [60, 0.6], [8, 0.7], [2e5, 0.9]],
  [[8e7, 0.7], [7e4, 0.6], [0.5, 1], [4, 0.4], [2, 0.3], [10, 0.5], [120, 0.5], [1e6, 0.6]],
  [[3e5, 0.9], [600, 0.7], [0.3, 1], [3, 0.3], [3, 0.3], [20, 0.5], [2, 0.5], [1e5, 0.8]],
  [[5e7, 1.2], [4e4, 1], [0.2, 1], [2, 0.3], [1, 0.2], [4, 0.4], [300, 0.8], [2e4, 0.7]],
  [[4e4, 0.5], [500, 0.5], [2, 0.8], [2, 0.2], [1, 0.2], [100, 0.3], [0.5, 0.5], [2e4, 0.5]],
];

/**
 * K-Means input for the benchmark: `rows` host-windows × 8 features (bytes,
 * packets, failed connections, destinations, ports, flows, mean duration,
 * upload bytes) drawn from five log-normal behaviours, 0.5% of them scaled far
 * out. Raw little-endian float64, row-major, written once to .bench/.
 */
export function kmeansMatrix(rows: number): { path: string; rows: number; cols: number } {
  const cols = 8;
  mkdirSync(benchDir, { recursive: true });
  const path = join(benchDir, `kmeans-${rows}x${cols}.f64`);
  if (!existsSync(path)) {
    const r = new Random(2026);
    const m = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const b = BEHAVIOURS[r.int(0, BEHAVIOURS.length - 1)];
      const out = r.chance(0.005) ? 50 : 1;
      for (let j = 0; j < cols; j++) m[i * cols + j] = Math.round(r.logNormal(b[j][0], b[j][1]) * (j === 0 || j === 2 || j === 3 ? out : 1));
    }
    writeFileSync(`${path}.tmp`, new Uint8Array(m.buffer));
    renameSync(`${path}.tmp`, path);
  }
  return { path, rows, cols };
}
