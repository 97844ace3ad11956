import { address, count, isUnset, port, protocol, timestamp } from '../log-values';
import { emptyDraft, type FlowDraft, type RecordMapper, type RowView } from '../flow-draft';
import { RowError } from '../row-error';

/**
 * Zeek's conn.log, as TSV (the `#fields` header line names the columns) or as
 * JSON lines. Columns: ts, uid, id.orig_h, id.orig_p, id.resp_h, id.resp_p,
 * proto, service, duration, orig_bytes, resp_bytes, conn_state, local_orig,
 * local_resp, missed_bytes, history, orig_pkts, orig_ip_bytes, resp_pkts,
 * resp_ip_bytes, tunnel_parents (Zeek's base/protocols/conn/main.zeek, the
 * Conn::Info record). The originator is the flow's source. Bytes are the IP
 * bytes (orig_ip_bytes: headers included, the nearest Zeek has to frame
 * bytes), or the payload bytes when a log lacks them. Labelled logs (IoT-23's
 * conn.log.labeled) add a `label` column, which becomes the flow's label.
 */
export function zeekMapper(): RecordMapper {
  return {
    toDraft(get: RowView): FlowDraft {
      const d = emptyDraft();
      d.src_ip = address(get('id.orig_h'), 'id.orig_h');
      d.dst_ip = address(get('id.resp_h'), 'id.resp_h');
      if (d.src_ip === null || d.dst_ip === null) throw new RowError('missing', 'id.orig_h and id.resp_h are required');
      d.src_port = port(get('id.orig_p'), 'id.orig_p');
      d.dst_port = port(get('id.resp_p'), 'id.resp_p');
      const p = protocol(get('proto'), 'proto');
      d.proto = p?.proto ?? null;
      d.ip_proto = p?.ipProto ?? null;
      d.first_ts = timestamp(get('ts'), 'ts');
      if (d.first_ts === null) throw new RowError('missing', 'ts is unset');
      d.duration = count(get('duration'), 'duration') ?? 0;
      d.fwd_bytes = count(get('orig_ip_bytes'), 'orig_ip_bytes') ?? count(get('orig_bytes'), 'orig_bytes');
      d.bwd_bytes = count(get('resp_ip_bytes'), 'resp_ip_bytes') ?? count(get('resp_bytes'), 'resp_bytes');
      d.fwd_packets = count(get('orig_pkts'), 'orig_pkts');
      d.bwd_packets = count(get('resp_pkts'), 'resp_pkts');
      const state = get('conn_state');
      d.conn_state = isUnset(state) ? null : state!;
      const history = get('history');
      d.history = isUnset(history) ? null : history!;
      const label = get('label');
      d.label = isUnset(label) ? null : label!;
      return d;
    },
  };
}
