import { flowFields, type FieldDef } from '../fields';

export type FilterFieldKind = 'number' | 'text' | 'address';

/**
 * A name the display filter knows. Wireshark-style names (ip.addr, tcp.port,
 * http.host) map onto flow columns; every registry field is also a filter field
 * under its own name. A field with two columns is "either": it matches when one
 * of them does, and `!=` / `not in` need both to differ (Wireshark ≥ 3.6).
 */
export interface FilterField {
  readonly name: string;
  readonly kind: FilterFieldKind;
  /** Columns of `flows` compared (address fields: their 16-byte keys, see shared/net/ip-key.ts). */
  readonly columns: readonly string[];
  /** Address fields: the text columns that `contains` and `matches` read. */
  readonly textColumns?: readonly string[];
  /** The field exists only in flows of this transport (tcp.port on a UDP flow is absent). */
  readonly proto?: 'tcp' | 'udp';
  readonly description: string;
}

const address = (name: string, side: 'src' | 'dst' | 'either', description: string): FilterField => {
  const sides = side === 'either' ? ['src', 'dst'] : [side];
  return { name, kind: 'address', columns: sides.map((s) => `${s}_ip_key`), textColumns: sides.map((s) => `${s}_ip`), description };
};

const port = (name: string, side: 'src' | 'dst' | 'either', proto: 'tcp' | 'udp' | undefined, description: string): FilterField => ({
  name,
  kind: 'number',
  columns: side === 'either' ? ['src_port', 'dst_port'] : [`${side}_port`],
  ...(proto ? { proto } : {}),
  description,
});

const column = (name: string, col: string, kind: FilterFieldKind, description: string): FilterField => ({ name, kind, columns: [col], description });

/** Wireshark's names for what flows hold under other names. */
const wiresharkNames: FilterField[] = [
  address('ip.addr', 'either', 'Source or destination address (IPv4 or IPv6); CIDR blocks allowed'),
  address('ip.src', 'src', 'Source address; CIDR blocks allowed'),
  address('ip.dst', 'dst', 'Destination address; CIDR blocks allowed'),
  port('port', 'either', undefined, 'Source or destination port, any transport'),
  port('tcp.port', 'either', 'tcp', 'Source or destination port of a TCP flow'),
  port('tcp.srcport', 'src', 'tcp', 'Source port of a TCP flow'),
  port('tcp.dstport', 'dst', 'tcp', 'Destination port of a TCP flow'),
  port('udp.port', 'either', 'udp', 'Source or destination port of a UDP flow'),
  port('udp.srcport', 'src', 'udp', 'Source port of a UDP flow'),
  port('udp.dstport', 'dst', 'udp', 'Destination port of a UDP flow'),
  column('http.host', 'http_host', 'text', 'Host header of the first HTTP/1.x request'),
  column('dns.query', 'dns_query', 'text', 'Name asked in the first DNS query'),
];

/**
 * What the investigator added (bookmarks, notes; electron/cases/bookmark-store.ts):
 * not flow columns but lookups the compiler expands (filter-sql-columns.ts).
 * `bookmark` is the flow's own tag; `host.bookmark` a tag on either endpoint.
 */
const annotationFields: FilterField[] = [
  column('bookmark', 'flow_bookmark', 'text', 'Tag of the flow\'s bookmark: interesting, suspicious, malicious or evidence'),
  { name: 'host.bookmark', kind: 'text', columns: ['src_host_bookmark', 'dst_host_bookmark'], description: 'Tag of a bookmarked source or destination host' },
  column('note', 'flow_notes', 'text', 'Text of the flow\'s notes (a bare `note` means the flow has one)'),
];

/**
 * Fields about to join the registry (labels and model output). Until they do,
 * the filter knows them under these column names; a case without the columns
 * compiles them to NULL, so they match nothing (filter-sql.ts). Once the
 * registry has them, its definitions win and these are dropped.
 */
const pendingFields: FilterField[] = [
  column('label', 'label', 'text', 'Label of the flow (app/activity)'),
  column('prediction', 'prediction', 'text', 'Label a model predicted for the flow'),
  column('confidence', 'confidence', 'number', "The model's confidence in its prediction, 0–1"),
];

const registryField = (f: FieldDef): FilterField => {
  // Stored as text, filtered as addresses: exact, CIDR and either-side matches need the keys.
  if (f.name === 'src_ip' || f.name === 'dst_ip') return address(f.name, f.name === 'src_ip' ? 'src' : 'dst', f.description);
  return column(f.name, f.name, f.type === 'text' ? 'text' : 'number', f.description);
};

const registry = (flowFields as readonly FieldDef[]).map(registryField);
const registryNames = new Set(registry.map((f) => f.name));

/** Every filter field: Wireshark-style names first, then the registry's, then the pending ones. */
export const filterFields: readonly FilterField[] = [...wiresharkNames, ...registry, ...pendingFields.filter((f) => !registryNames.has(f.name)), ...annotationFields];

const byName = new Map(filterFields.map((f) => [f.name, f]));

export const filterFieldNames: readonly string[] = filterFields.map((f) => f.name);

export function filterField(name: string): FilterField | undefined {
  return byName.get(name);
}

/** Column names the catalog may put in SQL beyond the registry's (the compiler checks every column). */
export const pendingColumns: readonly string[] = pendingFields.filter((f) => !registryNames.has(f.name)).flatMap((f) => f.columns);
