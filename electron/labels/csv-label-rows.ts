import { labelProblem } from '../../shared/labels/label-path';
import { parseIpAddress } from '../../shared/net/ip-key';
import type { CsvRecord } from './csv-records';

/** A ground-truth row that parsed: both endpoints as address-key hex plus port, the IP protocol number, the label, and a time if given. */
export interface CsvLabelRow {
  line: number;
  proto: number;
  a: string;
  b: string;
  label: string;
  /** Epoch seconds, or null when the file has no first_ts for this row. */
  firstTs: number | null;
  /** The row's 5-tuple as written, for reports. */
  text: string;
}

export class CsvLabelError extends Error {
  override readonly name = 'CsvLabelError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

type Column = 'src_ip' | 'src_port' | 'dst_ip' | 'dst_port' | 'proto' | 'label' | 'first_ts';
const REQUIRED: readonly Column[] = ['src_ip', 'src_port', 'dst_ip', 'dst_port', 'proto', 'label'];

/** Header names accepted for each column: ours, and CICFlowMeter's (so a CIC-IDS CSV's Label column can be replayed onto our flows). */
const ALIASES: Record<string, Column> = {
  src_ip: 'src_ip', 'source ip': 'src_ip', 'src ip': 'src_ip',
  src_port: 'src_port', 'source port': 'src_port', 'src port': 'src_port',
  dst_ip: 'dst_ip', 'destination ip': 'dst_ip', 'dst ip': 'dst_ip',
  dst_port: 'dst_port', 'destination port': 'dst_port', 'dst port': 'dst_port',
  proto: 'proto', protocol: 'proto',
  label: 'label',
  first_ts: 'first_ts',
};

const PROTOCOLS: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58, sctp: 132 };

/** Which cell holds which column; throws (naming the file) when a required column is missing. */
export function csvColumns(file: string, header: CsvRecord): Map<Column, number> {
  const at = new Map<Column, number>();
  header.cells.forEach((h, i) => {
    const c = ALIASES[h.trim().toLowerCase()];
    if (c && !at.has(c)) at.set(c, i);
  });
  const missing = REQUIRED.filter((c) => !at.has(c));
  if (missing.length) throw new CsvLabelError(file, `line ${header.line}: the header lacks ${missing.join(', ')} (expected src_ip,src_port,dst_ip,dst_port,proto,label and optionally first_ts)`);
  return at;
}

function port(text: string, name: string): number | string {
  if (!/^[0-9]{1,5}$/.test(text) || Number(text) > 65535) return `${name} ${JSON.stringify(text)} is not a port (0–65535)`;
  return Number(text);
}

function protocol(text: string): number | string {
  const t = text.toLowerCase();
  if (t in PROTOCOLS) return PROTOCOLS[t];
  if (/^[0-9]{1,3}$/.test(t) && Number(t) <= 255) return Number(t);
  return `proto ${JSON.stringify(text)} is not tcp, udp, icmp, icmpv6 or an IP protocol number`;
}

/** Epoch seconds (fractions allowed) or an ISO 8601 date with a time zone or Z. */
function timestamp(text: string): number | string {
  if (/^[0-9]+(\.[0-9]+)?$/.test(text)) return Number(text);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return ms / 1000;
  }
  return `first_ts ${JSON.stringify(text)} is neither epoch seconds nor an ISO 8601 time with a zone (2024-05-01T10:00:00Z)`;
}

function endpoint(ip: string, p: number, name: string): string | { problem: string } {
  const a = parseIpAddress(ip);
  if (!a) return { problem: `${name} ${JSON.stringify(ip)} is not an IPv4 or IPv6 address` };
  return `${Buffer.from(a.key).toString('hex')}:${p}`;
}

/** One record as a row, or the reason it cannot be one. */
export function csvLabelRow(rec: CsvRecord, at: Map<Column, number>): CsvLabelRow | { line: number; reason: string } {
  const cell = (c: Column) => (at.has(c) ? (rec.cells[at.get(c)!] ?? '').trim() : '');
  const bad = (reason: string) => ({ line: rec.line, reason });
  const width = Math.max(...at.values()) + 1;
  if (rec.cells.length < width) return bad(`${rec.cells.length} cells, the header has at least ${width}`);
  const sp = port(cell('src_port'), 'src_port');
  if (typeof sp === 'string') return bad(sp);
  const dp = port(cell('dst_port'), 'dst_port');
  if (typeof dp === 'string') return bad(dp);
  const a = endpoint(cell('src_ip'), sp, 'src_ip');
  if (typeof a !== 'string') return bad(a.problem);
  const b = endpoint(cell('dst_ip'), dp, 'dst_ip');
  if (typeof b !== 'string') return bad(b.problem);
  const proto = protocol(cell('proto'));
  if (typeof proto === 'string') return bad(proto);
  const label = cell('label');
  const problem = labelProblem(label);
  if (problem) return bad(`label: ${problem}`);
  let firstTs: number | null = null;
  if (cell('first_ts') !== '') {
    const t = timestamp(cell('first_ts'));
    if (typeof t === 'string') return bad(t);
    firstTs = t;
  }
  const text = `${cell('proto')} ${cell('src_ip')}:${sp} ↔ ${cell('dst_ip')}:${dp}`;
  return { line: rec.line, proto, a, b, label, firstTs, text };
}

/** The direction-free key of a 5-tuple: the two endpoints in sorted order. */
export function tupleKey(proto: number, a: string, b: string): string {
  return a <= b ? `${proto}|${a}|${b}` : `${proto}|${b}|${a}`;
}
