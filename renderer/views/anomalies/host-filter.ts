import type { AnomalyPoint } from '../../../shared/domain/anomaly';

/** The flows a point was computed from: those the host started, within its window if it has one. */
export function hostFilter(p: Pick<AnomalyPoint, 'ip' | 'windowStart' | 'windowEnd'>): string {
  const base = `ip.src == ${p.ip}`;
  return p.windowStart !== null && p.windowEnd !== null ? `${base} && first_ts >= ${p.windowStart} && first_ts < ${p.windowEnd}` : base;
}
