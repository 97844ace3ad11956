/**
 * The field registry: every flow attribute is named exactly once, here.
 *
 * A field's `name` is at the same time its SQLite column in `flows`, its AG Grid
 * column id, its display-filter field, its key in JSONL exports and its ML feature
 * name. `since` is the case-schema version that introduced the column, so the
 * migrations add columns from this list instead of repeating it.
 */

export type FieldType = 'int' | 'real' | 'text';

export type FieldGroup =
  | 'identity'
  | 'time'
  | 'volume'
  | 'direction';

export interface FieldDef {
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  readonly group: FieldGroup;
  /** Case-schema version whose migration adds this column. */
  readonly since: number;
  readonly description: string;
  /** Usable as a model feature (numeric and meaningful across captures). */
  readonly feature?: boolean;
  /** CICFlowMeter's column name, used by CSV export. */
  readonly cic?: string;
  /** Unit shown in the UI. */
  readonly unit?: 'bytes' | 's' | 'packets';
}

export const flowFields = [
  { name: 'id', label: 'ID', type: 'int', group: 'identity', since: 1, description: 'Flow number within the case', cic: 'Flow ID' },
  { name: 'proto', label: 'Protocol', type: 'text', group: 'identity', since: 1, description: 'Transport protocol: tcp, udp, icmp, icmpv6 or other', cic: 'Protocol' },
  { name: 'src_ip', label: 'Source', type: 'text', group: 'identity', since: 1, description: 'Address of the side that sent the first packet (the SYN sender for TCP)', cic: 'Src IP' },
  { name: 'src_port', label: 'Src port', type: 'int', group: 'identity', since: 1, description: 'Source port (ICMP: type of the first message)', cic: 'Src Port' },
  { name: 'dst_ip', label: 'Destination', type: 'text', group: 'identity', since: 1, description: 'Address of the other side', cic: 'Dst IP' },
  { name: 'dst_port', label: 'Dst port', type: 'int', group: 'identity', since: 1, description: 'Destination port (ICMP: code of the first message)', cic: 'Dst Port' },
  { name: 'first_ts', label: 'First seen', type: 'real', group: 'time', since: 1, description: 'Time of the first packet, epoch seconds', cic: 'Timestamp', unit: 's' },
  { name: 'last_ts', label: 'Last seen', type: 'real', group: 'time', since: 1, description: 'Time of the last packet, epoch seconds', unit: 's' },
  { name: 'duration', label: 'Duration', type: 'real', group: 'time', since: 1, description: 'last_ts − first_ts, seconds', cic: 'Flow Duration', unit: 's', feature: true },
  { name: 'packets', label: 'Packets', type: 'int', group: 'volume', since: 1, description: 'Packets in both directions', unit: 'packets', feature: true },
  { name: 'bytes', label: 'Bytes', type: 'int', group: 'volume', since: 1, description: 'Frame bytes on the wire in both directions (original length, as Wireshark counts them)', unit: 'bytes', feature: true },
  { name: 'fwd_packets', label: 'Fwd packets', type: 'int', group: 'direction', since: 1, description: 'Packets from source to destination', cic: 'Total Fwd Packet', unit: 'packets', feature: true },
  { name: 'bwd_packets', label: 'Bwd packets', type: 'int', group: 'direction', since: 1, description: 'Packets from destination to source', cic: 'Total Bwd packets', unit: 'packets', feature: true },
  { name: 'fwd_bytes', label: 'Fwd bytes', type: 'int', group: 'direction', since: 1, description: 'Frame bytes from source to destination', cic: 'Total Length of Fwd Packet', unit: 'bytes', feature: true },
  { name: 'bwd_bytes', label: 'Bwd bytes', type: 'int', group: 'direction', since: 1, description: 'Frame bytes from destination to source', cic: 'Total Length of Bwd Packet', unit: 'bytes', feature: true },
] as const satisfies readonly FieldDef[];

export type FlowField = (typeof flowFields)[number];
export type FlowFieldName = FlowField['name'];

type ValueOf<T extends FieldType> = T extends 'text' ? string : number;

/** A stored flow, derived from the registry so it can never drift from it. */
export type FlowRecord = { [F in FlowField as F['name']]: ValueOf<F['type']> | null };

export const flowFieldNames = flowFields.map((f) => f.name) as readonly FlowFieldName[];

const byName = new Map<string, FieldDef>(flowFields.map((f) => [f.name, f]));

export function flowField(name: string): FieldDef | undefined {
  return byName.get(name);
}

export function isFlowFieldName(name: string): name is FlowFieldName {
  return byName.has(name);
}
