import type { FlowRecord } from '../../shared/fields';

/** A text value as a display-filter string literal. */
export function quoted(v: string): string {
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function addressFilter(a: string): string {
  return `ip.addr == ${a}`;
}

export function conversationFilter(a: string, b: string): string {
  return a === b ? addressFilter(a) : `ip.addr == ${a} && ip.addr == ${b}`;
}

/** Both directions of this flow's 5-tuple (later flows on the same tuple match too). */
export function tupleFilter(f: FlowRecord): string {
  const base = `proto == ${f.proto} && ${conversationFilter(f.src_ip ?? '', f.dst_ip ?? '')}`;
  if ((f.proto === 'tcp' || f.proto === 'udp') && f.src_port !== null && f.dst_port !== null) {
    return f.src_port === f.dst_port ? `${base} && ${f.proto}.port == ${f.src_port}` : `${base} && ${f.proto}.port == ${f.src_port} && ${f.proto}.port == ${f.dst_port}`;
  }
  return base;
}

/** Flows whose `field` has this value; a missing value matches flows without one. */
export function valueFilter(field: string, value: string | null): string {
  return value === null || value === '' ? `!${field}` : `${field} == ${quoted(value)}`;
}
