import { count, feature, port, protocol, timestamp, isUnset, address } from '../log-values';
import { emptyDraft, type FlowDraft, type RecordMapper, type RowView } from '../flow-draft';
import { RowError } from '../row-error';
import { cicFeatureFields, cicNames } from './cic-columns';

const US = 1e6;
const SET_ABOVE = new Set<string>(['src_ip', 'dst_ip', 'src_port', 'dst_port', 'ip_proto', 'duration', 'fwd_packets', 'bwd_packets']);

/**
 * CICFlowMeter CSVs (CIC-IDS2017, CSE-CIC-IDS2018, and CICFlowMeter's own
 * output): every registry field that has a CIC name is filled, converted from
 * CIC's microseconds. CIC counts transport payload, not frames, so the flow's
 * bytes are CIC's "Total Length of Fwd/Bwd Packets". The 2018 files mostly
 * lack addresses: their flows have none (no host profiles, still flows for
 * K-Means). Timestamps are day-first and read as UTC. `Label` becomes the
 * flow's label.
 */
export function cicMapper(columns: string[]): RecordMapper {
  const present = new Set(columns);
  const pick = (long: string) => cicNames(long).find((n) => present.has(n)) ?? null;
  const col = {
    src: pick('Source IP'),
    dst: pick('Destination IP'),
    sport: pick('Source Port'),
    dport: pick('Destination Port'),
    proto: pick('Protocol'),
    ts: pick('Timestamp'),
    duration: pick('Flow Duration'),
    fwdPackets: pick('Total Fwd Packets'),
    bwdPackets: pick('Total Backward Packets'),
    fwdBytes: pick('Total Length of Fwd Packets'),
    bwdBytes: pick('Total Length of Bwd Packets'),
    label: present.has('Label') ? 'Label' : null,
  };
  const features = cicFeatureFields.map((f) => ({ ...f, column: f.names.find((n) => present.has(n)) ?? null })).filter((f) => f.column !== null);
  const cell = (get: RowView, c: string | null) => (c === null ? undefined : get(c));
  return {
    toDraft(get: RowView): FlowDraft {
      const d = emptyDraft();
      d.src_ip = address(cell(get, col.src), col.src ?? '');
      d.dst_ip = address(cell(get, col.dst), col.dst ?? '');
      d.src_port = port(cell(get, col.sport), col.sport ?? '');
      d.dst_port = port(cell(get, col.dport), col.dport ?? '');
      const p = protocol(cell(get, col.proto), col.proto ?? '');
      d.proto = p?.proto ?? null;
      d.ip_proto = p?.ipProto ?? null;
      d.first_ts = timestamp(cell(get, col.ts), col.ts ?? '');
      const us = count(cell(get, col.duration), col.duration ?? '');
      if (us === null && col.duration !== null) throw new RowError('missing', `${col.duration} is empty`);
      d.duration = us === null ? null : us / US;
      d.fwd_packets = count(cell(get, col.fwdPackets), col.fwdPackets ?? '');
      d.bwd_packets = count(cell(get, col.bwdPackets), col.bwdPackets ?? '');
      d.fwd_bytes = count(cell(get, col.fwdBytes), col.fwdBytes ?? '');
      d.bwd_bytes = count(cell(get, col.bwdBytes), col.bwdBytes ?? '');
      const label = cell(get, col.label);
      d.label = isUnset(label) ? null : label!.trim();
      for (const f of features) {
        // Addresses, ports and the rest of the identity are set above.
        if (SET_ABOVE.has(f.field)) continue;
        const v = feature(get(f.column!));
        d.extra.push([f.field, v === null ? null : v / f.scale]);
      }
      return d;
    },
  };
}
