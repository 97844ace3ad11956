import { z } from 'zod';

/**
 * Per-host features for K-Means (seed 001): the first four are the seed's
 * engineered features, the rest optional. Each is computed over the flows a
 * host started (it is their source), in the whole case or in one time window.
 */
export const hostFeatures = [
  { name: 'bytes', label: 'Total bytes', base: true, description: 'Frame bytes of the flows the host started, both directions' },
  { name: 'packets', label: 'Total packets', base: true, description: 'Packets of the flows the host started, both directions' },
  { name: 'failed_connections', label: 'Failed connections', base: true, description: 'TCP attempts that did not end normally: S0, REJ, RSTO, RSTOS0, RSTR, RSTRH, SH, SHR (or, without a conn_state, reset)' },
  { name: 'unique_destinations', label: 'Unique destinations', base: true, description: 'Distinct destination addresses' },
  { name: 'unique_dst_ports', label: 'Unique destination ports', base: false, description: 'Distinct destination ports' },
  { name: 'flows', label: 'Flows', base: false, description: 'Flows started' },
  { name: 'mean_duration', label: 'Mean duration', base: false, description: 'Mean flow duration, seconds' },
  { name: 'retransmissions', label: 'Retransmissions', base: false, description: 'Retransmitted TCP segments in its flows' },
  { name: 'resets', label: 'Resets', base: false, description: 'TCP segments with RST in its flows' },
  { name: 'upload_bytes', label: 'Upload bytes', base: false, description: 'Frame bytes the host sent (fwd_bytes)' },
] as const;

export type HostFeatureName = (typeof hostFeatures)[number]['name'];
export const HostFeature = z.enum(hostFeatures.map((f) => f.name) as unknown as [HostFeatureName, ...HostFeatureName[]]);
export const baseFeatures: HostFeatureName[] = hostFeatures.filter((f) => f.base).map((f) => f.name);

const casePath = z.string().min(1).max(4096);

/** What a host-feature matrix is built from: shared by training, detection and the k curves. */
export const FeatureParams = z.object({
  features: z.array(HostFeature).min(1).max(hostFeatures.length).default(baseFeatures),
  /** Seconds per window (aligned to multiples of it since the epoch); null for one point per host over the whole case. */
  window: z.number().positive().max(31_536_000).nullable().default(null),
  /** standard: (x − mean) / std; robust: (x − median) / IQR. */
  scaling: z.enum(['standard', 'robust']).default('standard'),
  /** log1p tames heavy-tailed counts (one host's gigabytes would otherwise flatten everyone else); none keeps raw values. */
  transform: z.enum(['log1p', 'none']).default('log1p'),
  /** Another case file to train on; null trains on this case. */
  baseline: casePath.nullable().default(null),
  seed: z.number().int().default(42),
});

export const AnomalyParams = FeatureParams.extend({
  k: z.number().int().min(1).max(50).default(5),
  /** sigma: mean + multiplier · std of the cluster's training distances; percentile: that percentile of them. */
  thresholdMode: z.enum(['sigma', 'percentile']).default('sigma'),
  multiplier: z.number().min(0).max(100).default(3),
  percentile: z.number().min(50).max(100).default(99),
  maxIterations: z.number().int().min(1).max(1000).default(100),
});
export type AnomalyParams = z.output<typeof AnomalyParams>;
export type AnomalyParamsInput = z.input<typeof AnomalyParams>;

export const CurveParams = FeatureParams.extend({ kMax: z.number().int().min(2).max(30).default(10) });
export type CurveParams = z.output<typeof CurveParams>;

export const AnomalyPoint = z.object({
  ip: z.string(),
  windowStart: z.number().nullable(),
  windowEnd: z.number().nullable(),
  cluster: z.number().int(),
  distance: z.number(),
  threshold: z.number(),
  anomaly: z.boolean(),
  /** The feature with the largest scaled difference from the nearest centroid. */
  topFeature: HostFeature,
  /** Raw feature values (before transform and scaling). */
  features: z.record(z.string(), z.number()),
  /** Position in the first two principal components of the scaled features. */
  x: z.number(),
  y: z.number(),
});
export type AnomalyPoint = z.infer<typeof AnomalyPoint>;

export const AnomalyRun = z.object({
  id: z.number().int(),
  modelId: z.number().int(),
  createdAt: z.number(),
  params: AnomalyParams,
  baseline: z.string(),
  trainingPoints: z.number().int(),
  points: z.number().int(),
  anomalies: z.number().int(),
  centroids: z.array(z.object({ cluster: z.number().int(), x: z.number(), y: z.number(), size: z.number().int(), threshold: z.number() })),
  /** Share of the variance each of the two components explains. */
  explained: z.array(z.number()),
});
export type AnomalyRun = z.infer<typeof AnomalyRun>;

export const KCurve = z.object({
  ks: z.array(z.number().int()),
  /** Within-cluster sum of squared distances per k (the elbow). */
  inertia: z.array(z.number()),
  /** Mean silhouette per k, on a sample. */
  silhouette: z.array(z.number()),
  points: z.number().int(),
  sampled: z.number().int(),
  suggestedK: z.number().int(),
  createdAt: z.number(),
});
export type KCurve = z.infer<typeof KCurve>;
