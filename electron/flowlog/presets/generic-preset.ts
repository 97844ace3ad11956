import type { FlowLogMapping } from '../../../shared/domain/flow-log';
import { address, count, isUnset, port, protocol, timestamp } from '../log-values';
import { emptyDraft, type FlowDraft, type RecordMapper, type RowView } from '../flow-draft';
import { RowError } from '../row-error';

/** Column-name guesses for a generic file's mapping (seed 001's "Source IP, Destination IP, Bytes, Packets, Duration" and common variants). */
const GUESSES: Record<keyof FlowLogMapping, RegExp> = {
  src_ip: /^(src|source|sa|orig(in)?)[ _.-]?(ip|addr(ess)?|host|h)?$|^id\.orig_h$|^srcaddr$|^ip[ _.-]?src$/i,
  dst_ip: /^(dst|dest(ination)?|da|resp(onder)?)[ _.-]?(ip|addr(ess)?|host|h)?$|^id\.resp_h$|^dstaddr$|^ip[ _.-]?dst$/i,
  src_port: /^(src|source|sp|orig)[ _.-]?port$|^sport$|^srcport$|^id\.orig_p$/i,
  dst_port: /^(dst|dest(ination)?|dp|resp)[ _.-]?port$|^dport$|^dstport$|^id\.resp_p$/i,
  proto: /^(proto(col)?|ip[ _.-]?proto(col)?|pr)$/i,
  start: /^(start|start[ _.-]?time|ts|time(stamp)?|first[ _.-]?(seen|ts)|stime|date)$/i,
  duration: /^(dur(ation)?|flow[ _.-]?duration|td)$/i,
  bytes: /^(bytes|tot(al)?[ _.-]?bytes|byt|octets|ibyt)$/i,
  packets: /^(packets|pkts|tot(al)?[ _.-]?(packets|pkts)|ipkt)$/i,
  fwd_bytes: /^(fwd|src|sent|orig|out)[ _.-]?bytes$|^sbytes$/i,
  bwd_bytes: /^(bwd|dst|recv(d)?|received|resp|in)[ _.-]?bytes$|^dbytes$/i,
  fwd_packets: /^(fwd|src|sent|orig|out)[ _.-]?(packets|pkts)$|^spkts$/i,
  bwd_packets: /^(bwd|dst|recv(d)?|received|resp|in)[ _.-]?(packets|pkts)$|^dpkts$/i,
  state: /^(state|conn[ _.-]?state|flags?|status)$/i,
  label: /^(label|class|attack[ _.-]?cat|category)$/i,
};

export function guessMapping(columns: string[]): FlowLogMapping {
  const m: FlowLogMapping = {};
  for (const [field, re] of Object.entries(GUESSES) as [keyof FlowLogMapping, RegExp][]) {
    const hit = columns.find((c) => re.test(c.trim()));
    if (hit !== undefined) m[field] = hit;
  }
  return m;
}

/** Parses `src_ip=Source IP,dst_ip=Destination IP` (the CLI's --map). */
export function parseMapping(text: string, fields: readonly string[]): FlowLogMapping {
  const m: Record<string, string> = {};
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    const field = part.slice(0, eq).trim();
    const column = part.slice(eq + 1).trim();
    if (eq < 0 || !column) throw new Error(`--map: ${JSON.stringify(part)} is not field=column`);
    if (!fields.includes(field)) throw new Error(`--map: unknown field ${JSON.stringify(field)} (fields: ${fields.join(', ')})`);
    m[field] = column;
  }
  return m as FlowLogMapping;
}

/** Checks a mapping against the file's columns; returns what is wrong, or null. */
export function mappingProblem(m: FlowLogMapping, columns: string[]): string | null {
  if (!m.src_ip || !m.dst_ip) return 'map at least the source and destination IP columns';
  const missing = Object.values(m).filter((c) => !columns.includes(c!));
  return missing.length ? `no column named ${missing.map((c) => JSON.stringify(c)).join(', ')} (columns: ${columns.join(', ')})` : null;
}

/**
 * A file with a header and a user's mapping (column → field). Durations are
 * seconds; totals without a split go to bytes/packets and leave the
 * directions empty rather than invent one.
 */
export function genericMapper(m: FlowLogMapping): RecordMapper {
  const at = (get: RowView, f: keyof FlowLogMapping) => (m[f] === undefined ? undefined : get(m[f]!));
  const name = (f: keyof FlowLogMapping) => m[f] ?? f;
  return {
    toDraft(get: RowView): FlowDraft {
      const d = emptyDraft();
      d.src_ip = address(at(get, 'src_ip'), name('src_ip'));
      d.dst_ip = address(at(get, 'dst_ip'), name('dst_ip'));
      if (d.src_ip === null) throw new RowError('missing', `${name('src_ip')} is empty`);
      if (d.dst_ip === null) throw new RowError('missing', `${name('dst_ip')} is empty`);
      d.src_port = port(at(get, 'src_port'), name('src_port'));
      d.dst_port = port(at(get, 'dst_port'), name('dst_port'));
      const p = protocol(at(get, 'proto'), name('proto'));
      d.proto = p?.proto ?? null;
      d.ip_proto = p?.ipProto ?? null;
      d.first_ts = timestamp(at(get, 'start'), name('start'));
      d.duration = count(at(get, 'duration'), name('duration'));
      d.bytes = count(at(get, 'bytes'), name('bytes'));
      d.packets = count(at(get, 'packets'), name('packets'));
      d.fwd_bytes = count(at(get, 'fwd_bytes'), name('fwd_bytes'));
      d.bwd_bytes = count(at(get, 'bwd_bytes'), name('bwd_bytes'));
      d.fwd_packets = count(at(get, 'fwd_packets'), name('fwd_packets'));
      d.bwd_packets = count(at(get, 'bwd_packets'), name('bwd_packets'));
      const state = at(get, 'state');
      d.conn_state = isUnset(state) ? null : state!.trim();
      const label = at(get, 'label');
      d.label = isUnset(label) ? null : label!.trim();
      return d;
    },
  };
}
