import type { FieldDef } from './field-def';

/**
 * Seed 002's direction-based features: frame-length and inter-arrival statistics
 * per direction (std is the population standard deviation, as CICFlowMeter uses).
 */
export const packetStatFields = [
  { name: 'fwd_len_min', label: 'Fwd len min', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: min frame length of packets from source to destination', unit: 'bytes', feature: true },
  { name: 'fwd_len_max', label: 'Fwd len max', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: max frame length of packets from source to destination', unit: 'bytes', feature: true },
  { name: 'fwd_len_mean', label: 'Fwd len mean', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: mean frame length of packets from source to destination', unit: 'bytes', feature: true },
  { name: 'fwd_len_std', label: 'Fwd len std', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: std frame length of packets from source to destination', unit: 'bytes', feature: true },
  { name: 'fwd_iat_min', label: 'Fwd IAT min', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: min inter-arrival time of packets from source to destination, seconds', cic: 'Fwd IAT Min', cicScale: 1e6, unit: 's', feature: true },
  { name: 'fwd_iat_max', label: 'Fwd IAT max', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: max inter-arrival time of packets from source to destination, seconds', cic: 'Fwd IAT Max', cicScale: 1e6, unit: 's', feature: true },
  { name: 'fwd_iat_mean', label: 'Fwd IAT mean', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: mean inter-arrival time of packets from source to destination, seconds', cic: 'Fwd IAT Mean', cicScale: 1e6, unit: 's', feature: true },
  { name: 'fwd_iat_std', label: 'Fwd IAT std', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: std inter-arrival time of packets from source to destination, seconds', cic: 'Fwd IAT Std', cicScale: 1e6, unit: 's', feature: true },
  { name: 'bwd_len_min', label: 'Bwd len min', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: min frame length of packets from destination to source', unit: 'bytes', feature: true },
  { name: 'bwd_len_max', label: 'Bwd len max', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: max frame length of packets from destination to source', unit: 'bytes', feature: true },
  { name: 'bwd_len_mean', label: 'Bwd len mean', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: mean frame length of packets from destination to source', unit: 'bytes', feature: true },
  { name: 'bwd_len_std', label: 'Bwd len std', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: std frame length of packets from destination to source', unit: 'bytes', feature: true },
  { name: 'bwd_iat_min', label: 'Bwd IAT min', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: min inter-arrival time of packets from destination to source, seconds', cic: 'Bwd IAT Min', cicScale: 1e6, unit: 's', feature: true },
  { name: 'bwd_iat_max', label: 'Bwd IAT max', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: max inter-arrival time of packets from destination to source, seconds', cic: 'Bwd IAT Max', cicScale: 1e6, unit: 's', feature: true },
  { name: 'bwd_iat_mean', label: 'Bwd IAT mean', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: mean inter-arrival time of packets from destination to source, seconds', cic: 'Bwd IAT Mean', cicScale: 1e6, unit: 's', feature: true },
  { name: 'bwd_iat_std', label: 'Bwd IAT std', type: 'real', group: 'packet-stats', since: 2, description: 'Seed 002: std inter-arrival time of packets from destination to source, seconds', cic: 'Bwd IAT Std', cicScale: 1e6, unit: 's', feature: true },
] as const satisfies readonly FieldDef[];
