import { z } from 'zod';

/** Long work (ingest, training, detection) runs as a job off the main thread. */
export const JobKind = z.enum(['ingest', 'export', 'capture', 'verify', 'findings', 'kmeans', 'session-import', 'session-train', 'session-derive', 'profiles', 'flow-import', 'train', 'predict']);
export type JobKind = z.infer<typeof JobKind>;

export const JobId = z.string().regex(/^job-[0-9]+$/);

export const JobProgress = z.object({
  jobId: JobId,
  kind: JobKind,
  /** Units of work done and expected (bytes for ingest), total 0 when unknown. */
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
  /** Human-readable state, e.g. the file being read. */
  message: z.string(),
  /** Counters shown next to the bar. */
  counters: z.record(z.string(), z.number()),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const JobStatus = z.enum(['running', 'done', 'cancelled', 'failed']);
export type JobStatus = z.infer<typeof JobStatus>;

export const JobFinished = z.object({
  jobId: JobId,
  kind: JobKind,
  status: JobStatus.exclude(['running']),
  error: z.string().optional(),
  summary: z.record(z.string(), z.number()),
});
export type JobFinished = z.infer<typeof JobFinished>;

export const JobInfo = z.object({
  jobId: JobId,
  kind: JobKind,
  status: JobStatus,
  progress: JobProgress.nullable(),
});
export type JobInfo = z.infer<typeof JobInfo>;
