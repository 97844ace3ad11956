import { setFlagsFromString } from 'node:v8';
import type { ResourceLimits } from 'node:worker_threads';
import type { JobKind } from '../../shared/domain/job';

/**
 * V8 sizes its young generation for throughput (up to 16 MB semi-spaces) and
 * lets an old generation grow to about four times its live size before a full
 * collection. For an import that holds ~100 MB of active flows, that alone took
 * peak RSS from ~420 MB to ~620 MB on the 5M-packet bench capture, growing with
 * the capture's length rather than with its active flows. An ingest's garbage
 * is mostly rows on their way to the writer and dies young, so a smaller young
 * generation costs little.
 */
const limits: Partial<Record<JobKind, ResourceLimits>> = {
  ingest: { maxYoungGenerationSizeMb: 24 },
};

export function workerResourceLimits(kind: JobKind): ResourceLimits | undefined {
  return limits[kind];
}

/**
 * Full collections once the old generation is 30% above its live size. The flag
 * is process-wide (V8 has no per-isolate setting); it is set by the processes
 * that run imports before their first worker starts.
 */
export function boundHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=30');
}
