import type { HostFeatureName } from '../../../shared/domain/anomaly';
import type { CaseDb } from '../../cases/case-db';
import { featureSql } from './feature-sql';

/** One point: a host over the whole case, or over one window. */
export interface HostKey {
  ip: string;
  windowStart: number | null;
  windowEnd: number | null;
}

export interface FeatureMatrix {
  features: HostFeatureName[];
  keys: HostKey[];
  /** Raw values, one row per key. */
  rows: number[][];
}

/**
 * The host-feature matrix of a case: one row per source host (per window
 * when `window` is set, windows aligned to multiples of it since the epoch, so
 * a baseline's and a target's windows line up). Hosts in the order of their
 * address text (a fixed order, so a seeded fit repeats).
 */
export function hostFeatureMatrix(db: CaseDb, features: HostFeatureName[], window: number | null): FeatureMatrix {
  const cols = features.map((f, i) => `${featureSql[f]} AS f${i}`).join(', ');
  const w = window === null ? 'NULL' : 'CAST(first_ts / ? AS INTEGER)';
  const sql = `SELECT src_ip, ${w} AS w, ${cols} FROM flows WHERE src_ip IS NOT NULL AND first_ts IS NOT NULL GROUP BY src_ip, w ORDER BY src_ip, w`;
  const stmt = db.prepare(sql).raw();
  const raw = (window === null ? stmt.all() : stmt.all(window)) as (string | number | null)[][];
  const keys: HostKey[] = new Array(raw.length);
  const rows: number[][] = new Array(raw.length);
  raw.forEach((r, i) => {
    const wi = r[1] as number | null;
    keys[i] = { ip: r[0] as string, windowStart: wi === null ? null : wi * window!, windowEnd: wi === null ? null : (wi + 1) * window! };
    rows[i] = r.slice(2).map((v) => Number(v ?? 0));
  });
  return { features, keys, rows };
}
