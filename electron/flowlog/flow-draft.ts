import type { FlowFieldName } from '../../shared/fields';

/** One log record as a flow, before it gets an id and a row. Units are ours: seconds, frame or log bytes. */
export interface FlowDraft {
  src_ip: string | null;
  dst_ip: string | null;
  src_port: number | null;
  dst_port: number | null;
  proto: string | null;
  ip_proto: number | null;
  first_ts: number | null;
  duration: number | null;
  fwd_bytes: number | null;
  bwd_bytes: number | null;
  bytes: number | null;
  fwd_packets: number | null;
  bwd_packets: number | null;
  packets: number | null;
  conn_state: string | null;
  history: string | null;
  label: string | null;
  /** Further registry fields the log carries (CICFlowMeter's features), already converted to our units. */
  extra: [FlowFieldName, number | null][];
}

export function emptyDraft(): FlowDraft {
  return {
    src_ip: null,
    dst_ip: null,
    src_port: null,
    dst_port: null,
    proto: null,
    ip_proto: null,
    first_ts: null,
    duration: null,
    fwd_bytes: null,
    bwd_bytes: null,
    bytes: null,
    fwd_packets: null,
    bwd_packets: null,
    packets: null,
    conn_state: null,
    history: null,
    label: null,
    extra: [],
  };
}

/** A record's value by column name ("Source IP", "id.orig_h"). */
export type RowView = (column: string) => string | undefined;

/** Turns records of one log format into flows; built once from the file's columns. */
export interface RecordMapper {
  toDraft(get: RowView): FlowDraft;
}
