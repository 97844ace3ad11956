import { flowFields, type FlowFieldName } from '../../../shared/fields';

/**
 * CICFlowMeter's column names. CIC-IDS2017 (CICFlowMeter-V3, the
 * "TrafficLabelling" CSVs) writes the long names our field registry records as
 * each field's `cic` name (shared/fields/cicflowmeter.ts), often with a
 * leading space; CSE-CIC-IDS2018 (CICFlowMeter-V4, "*_TrafficForML_CICFlowMeter.csv")
 * abbreviates them ("Tot Fwd Pkts", "TotLen Fwd Pkts", "Flow Byts/s"); the
 * newer CICFlowMeter releases write "Total Fwd Packet", "Total Bwd packets",
 * "Src IP". Sources: CICFlowMeter's FlowFeature.java (ahlashkari/CICFlowMeter,
 * names and abbreviations), the headers of the published CIC-IDS2017 and
 * CSE-CIC-IDS2018 CSV files.
 */
const SHORT: Record<string, string[]> = {
  'Source IP': ['Src IP'],
  'Source Port': ['Src Port'],
  'Destination IP': ['Dst IP'],
  'Destination Port': ['Dst Port'],
  'Total Fwd Packets': ['Tot Fwd Pkts', 'Total Fwd Packet'],
  'Total Backward Packets': ['Tot Bwd Pkts', 'Total Bwd packets', 'Total Bwd Packets'],
  'Total Length of Fwd Packets': ['TotLen Fwd Pkts', 'Total Length of Fwd Packet'],
  'Total Length of Bwd Packets': ['TotLen Bwd Pkts', 'Total Length of Bwd Packet'],
  'Fwd Packet Length Max': ['Fwd Pkt Len Max'],
  'Fwd Packet Length Min': ['Fwd Pkt Len Min'],
  'Fwd Packet Length Mean': ['Fwd Pkt Len Mean'],
  'Fwd Packet Length Std': ['Fwd Pkt Len Std'],
  'Bwd Packet Length Max': ['Bwd Pkt Len Max'],
  'Bwd Packet Length Min': ['Bwd Pkt Len Min'],
  'Bwd Packet Length Mean': ['Bwd Pkt Len Mean'],
  'Bwd Packet Length Std': ['Bwd Pkt Len Std'],
  'Flow Bytes/s': ['Flow Byts/s'],
  'Flow Packets/s': ['Flow Pkts/s'],
  'Fwd IAT Total': ['Fwd IAT Tot'],
  'Bwd IAT Total': ['Bwd IAT Tot'],
  'Fwd Header Length': ['Fwd Header Len'],
  'Bwd Header Length': ['Bwd Header Len'],
  'Fwd Packets/s': ['Fwd Pkts/s'],
  'Bwd Packets/s': ['Bwd Pkts/s'],
  'Min Packet Length': ['Pkt Len Min', 'Packet Length Min'],
  'Max Packet Length': ['Pkt Len Max', 'Packet Length Max'],
  'Packet Length Mean': ['Pkt Len Mean'],
  'Packet Length Std': ['Pkt Len Std'],
  'Packet Length Variance': ['Pkt Len Var'],
  'FIN Flag Count': ['FIN Flag Cnt'],
  'SYN Flag Count': ['SYN Flag Cnt'],
  'RST Flag Count': ['RST Flag Cnt'],
  'PSH Flag Count': ['PSH Flag Cnt'],
  'ACK Flag Count': ['ACK Flag Cnt'],
  'URG Flag Count': ['URG Flag Cnt'],
  'CWE Flag Count': ['CWE Flag Cnt', 'CWR Flag Count'],
  'ECE Flag Count': ['ECE Flag Cnt'],
  'Average Packet Size': ['Pkt Size Avg'],
  'Avg Fwd Segment Size': ['Fwd Seg Size Avg', 'Fwd Segment Size Avg'],
  'Avg Bwd Segment Size': ['Bwd Seg Size Avg', 'Bwd Segment Size Avg'],
  'Fwd Avg Bytes/Bulk': ['Fwd Byts/b Avg', 'Fwd Bytes/Bulk Avg'],
  'Fwd Avg Packets/Bulk': ['Fwd Pkts/b Avg', 'Fwd Packet/Bulk Avg'],
  'Fwd Avg Bulk Rate': ['Fwd Blk Rate Avg', 'Fwd Bulk Rate Avg'],
  'Bwd Avg Bytes/Bulk': ['Bwd Byts/b Avg', 'Bwd Bytes/Bulk Avg'],
  'Bwd Avg Packets/Bulk': ['Bwd Pkts/b Avg', 'Bwd Packet/Bulk Avg'],
  'Bwd Avg Bulk Rate': ['Bwd Blk Rate Avg', 'Bwd Bulk Rate Avg'],
  'Subflow Fwd Packets': ['Subflow Fwd Pkts'],
  'Subflow Fwd Bytes': ['Subflow Fwd Byts'],
  'Subflow Bwd Packets': ['Subflow Bwd Pkts'],
  'Subflow Bwd Bytes': ['Subflow Bwd Byts'],
  Init_Win_bytes_forward: ['Init Fwd Win Byts', 'FWD Init Win Bytes'],
  Init_Win_bytes_backward: ['Init Bwd Win Byts', 'Bwd Init Win Bytes'],
  act_data_pkt_fwd: ['Fwd Act Data Pkts'],
  min_seg_size_forward: ['Fwd Seg Size Min'],
};

/** Every name a CIC column goes by, the long one first. */
export function cicNames(long: string): string[] {
  return [long, ...(SHORT[long] ?? [])];
}

/** Registry fields a CIC file fills directly, with the factor from CIC's unit to ours. */
export const cicFeatureFields: { field: FlowFieldName; names: string[]; scale: number }[] = flowFields
  .filter((f) => 'cic' in f && typeof f.cic === 'string')
  .map((f) => {
    const def = f as { name: FlowFieldName; cic: string; cicScale?: number };
    return { field: def.name, names: cicNames(def.cic), scale: def.cicScale ?? 1 };
  });

/** The columns that make a file a CICFlowMeter CSV (either naming). */
export function looksLikeCic(columns: string[]): boolean {
  const has = (long: string) => cicNames(long).some((n) => columns.includes(n));
  return has('Flow Duration') && has('Total Fwd Packets') && has('Total Backward Packets');
}
