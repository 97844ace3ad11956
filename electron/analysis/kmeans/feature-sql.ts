import type { HostFeatureName } from '../../../shared/domain/anomaly';

/** Zeek states of a TCP attempt that did not end as a normal exchange (seed 001's "failed connections"). */
export const FAILED_STATES = ['S0', 'REJ', 'RSTO', 'RSTOS0', 'RSTR', 'RSTRH', 'SH', 'SHR'];

const failed = `CASE WHEN proto = 'tcp' AND (conn_state IN (${FAILED_STATES.map((s) => `'${s}'`).join(', ')})
  OR (conn_state IS NULL AND (COALESCE(resets, 0) > 0 OR termination = 'rst'))) THEN 1 ELSE 0 END`;

/**
 * Each feature as an aggregate over a host's flows. Only flow columns, so
 * flows imported from flow logs give the same features as flows built from
 * packets; a column a log lacks counts as 0.
 */
export const featureSql: Record<HostFeatureName, string> = {
  bytes: 'SUM(COALESCE(bytes, 0))',
  packets: 'SUM(COALESCE(packets, 0))',
  failed_connections: `SUM(${failed})`,
  unique_destinations: 'COUNT(DISTINCT dst_ip)',
  unique_dst_ports: 'COUNT(DISTINCT dst_port)',
  flows: 'COUNT(*)',
  mean_duration: 'AVG(COALESCE(duration, 0))',
  retransmissions: 'SUM(COALESCE(retransmissions, 0))',
  resets: 'SUM(COALESCE(resets, 0))',
  upload_bytes: 'SUM(COALESCE(fwd_bytes, 0))',
};
