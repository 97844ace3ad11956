// One K-Means run as the kmeans worker does it (log1p, standard scaling, ml-kmeans with
// k-means++, per-cluster mean + 3·std thresholds, scoring), on a raw float64 matrix; prints
// its phase timings as JSON. Run as its own process so GNU time reports its peak memory.
import { readFileSync } from 'node:fs';
import { trainClusters } from '../../electron/analysis/kmeans/kmeans-train';
import { applyScaler, fitScaler } from '../../electron/analysis/kmeans/scaler';
import { scorePoints } from '../../electron/analysis/kmeans/score';

const [file, colsArg, kArg] = process.argv.slice(2);
const cols = Number(colsArg);
const k = Number(kArg);
const t0 = performance.now();
const buf = readFileSync(file);
const flat = new Float64Array(buf.buffer, buf.byteOffset, buf.byteLength / 8);
const rows: number[][] = [];
for (let i = 0; i < flat.length; i += cols) rows.push(Array.from(flat.subarray(i, i + cols)));
const t1 = performance.now();
const scaler = fitScaler(rows, 'log1p', 'standard');
const scaled = applyScaler(scaler, rows);
const t2 = performance.now();
const trained = trainClusters(scaled, k, { thresholdMode: 'sigma', multiplier: 3, percentile: 99 }, { seed: 42, maxIterations: 100 })!;
const t3 = performance.now();
const features = ['bytes', 'packets', 'failed_connections', 'unique_destinations', 'unique_dst_ports', 'flows', 'mean_duration', 'upload_bytes'] as const;
const scores = scorePoints(scaled, trained.centroids, trained.thresholds, [...features]);
const t4 = performance.now();
process.stdout.write(
  JSON.stringify({
    rows: rows.length,
    readSeconds: (t1 - t0) / 1000,
    scaleSeconds: (t2 - t1) / 1000,
    trainSeconds: (t3 - t2) / 1000,
    scoreSeconds: (t4 - t3) / 1000,
    iterations: trained.iterations,
    anomalies: scores.filter((s) => s.anomaly).length,
  }),
);
