import type { FlowFieldName } from '../../shared/fields';
import type { AppSignatures } from '../flows/app-signatures';
import { columnOf, newRow, type FlowValue } from '../flows/flow-row';
import type { FlowDraft } from './flow-draft';

const COLUMNS: FlowFieldName[] = ['id', 'proto', 'src_ip', 'src_port', 'dst_ip', 'dst_port', 'first_ts', 'last_ts', 'duration', 'packets', 'bytes', 'fwd_packets', 'bwd_packets', 'fwd_bytes', 'bwd_bytes', 'ip_proto', 'ip_version', 'conn_state', 'history', 'app', 'app_category', 'vlan'];
const at = Object.fromEntries(COLUMNS.map((c) => [c, columnOf(c)])) as Record<FlowFieldName, number>;
const sum = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));

/**
 * A draft as a registry-ordered flow row. Totals come from the directions when
 * the log gives only those; the app and its category from the signature
 * file's ports, as for captured flows whose names reveal nothing.
 */
export function draftRow(d: FlowDraft, id: number, apps: AppSignatures): FlowValue[] {
  const row = newRow();
  row[at.id] = id;
  row[at.proto] = d.proto ?? 'other';
  row[at.src_ip] = d.src_ip;
  row[at.dst_ip] = d.dst_ip;
  row[at.src_port] = d.src_port;
  row[at.dst_port] = d.dst_port;
  row[at.first_ts] = d.first_ts;
  row[at.duration] = d.duration;
  row[at.last_ts] = d.first_ts === null ? null : d.first_ts + (d.duration ?? 0);
  row[at.fwd_packets] = d.fwd_packets;
  row[at.bwd_packets] = d.bwd_packets;
  row[at.fwd_bytes] = d.fwd_bytes;
  row[at.bwd_bytes] = d.bwd_bytes;
  row[at.packets] = d.packets ?? sum(d.fwd_packets, d.bwd_packets);
  row[at.bytes] = d.bytes ?? sum(d.fwd_bytes, d.bwd_bytes);
  row[at.ip_proto] = d.ip_proto;
  const addr = d.src_ip ?? d.dst_ip;
  row[at.ip_version] = addr === null ? null : addr.includes(':') ? 6 : 4;
  row[at.vlan] = 0;
  row[at.conn_state] = d.conn_state;
  row[at.history] = d.history;
  if (d.proto === 'tcp' || d.proto === 'udp') {
    const app = apps.byPort(d.proto, d.dst_port ?? -1) ?? apps.byPort(d.proto, d.src_port ?? -1);
    row[at.app] = app?.app ?? null;
    row[at.app_category] = app?.category ?? null;
  }
  for (const [field, v] of d.extra) row[columnOf(field)] = v;
  return row;
}
