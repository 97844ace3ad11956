import type { FieldDef } from '../../shared/fields';
import { formatCount, formatReal } from './format-number';
import { formatTime } from './format-time';

/** A flow field's value as text, by the registry's type and name; '' for a missing value. */
export function formatFieldValue(f: FieldDef, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v !== 'number') return String(v);
  if (f.name === 'first_ts' || f.name === 'last_ts') return formatTime(v);
  if (f.name === 'duration') return v.toFixed(6);
  if (f.name === 'id' || f.name.endsWith('_port') || f.name === 'vlan' || f.name === 'ip_proto' || f.name === 'ip_version' || f.name.startsWith('dns_')) return String(v);
  if (f.type === 'int') return formatCount(v);
  return formatReal(v);
}
