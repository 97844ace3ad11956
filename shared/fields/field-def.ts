export type FieldType = 'int' | 'real' | 'text';

export type FieldGroup =
  | 'identity'
  | 'endpoints'
  | 'time'
  | 'volume'
  | 'direction'
  | 'lifecycle'
  | 'application'
  | 'tcp-analysis'
  | 'packet-stats'
  | 'cicflowmeter'
  | 'sequence'
  | 'labels';

export interface FieldDef {
  /** snake_case: SQLite column, AG Grid column id, filter field, JSONL key, ML feature name. */
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  readonly group: FieldGroup;
  /** Case-schema version whose migration adds this column. */
  readonly since: number;
  readonly description: string;
  /** Usable as a model feature (numeric and meaningful across captures). */
  readonly feature?: boolean;
  /** CICFlowMeter's (CIC-IDS2017) column name, used by CSV export. */
  readonly cic?: string;
  /** Factor from our unit to CICFlowMeter's (1e6 where CIC counts microseconds). */
  readonly cicScale?: number;
  /** Unit shown in the UI. */
  readonly unit?: 'bytes' | 's' | 'packets' | 'bytes/s' | 'packets/s';
}
