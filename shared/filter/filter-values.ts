import { ipKeyBlock, maxPrefix, parseIpAddress } from '../net/ip-key';
import type { FilterValue } from './ast';
import { FilterError } from './filter-error';
import type { FilterField } from './filter-fields';
import type { Token } from './lexer';

/** Decimal (optionally signed, fractional, with exponent) or 0x hex; no NaN or Infinity. */
export function parseNumber(text: string): number | null {
  if (/^-?(\d+(\.\d*)?|\.\d+)([eE]-?\d+)?$/.test(text) || /^0x[0-9a-fA-F]+$/.test(text)) return Number(text);
  return null;
}

const describe = (t: Token): string => (t.kind === 'string' ? 'a string' : `"${t.text}"`);

/** Splits "addr/len"; the length is null without a slash. */
function splitCidr(text: string): { address: string; prefix: string | null } {
  const slash = text.lastIndexOf('/');
  return slash < 0 ? { address: text, prefix: null } : { address: text.slice(0, slash), prefix: text.slice(slash + 1) };
}

/** A bare word that reads as an address block, which only address fields accept. */
function isCidr(t: Token): boolean {
  if (t.kind !== 'word') return false;
  const { address, prefix } = splitCidr(t.text);
  return prefix !== null && /^\d{1,3}$/.test(prefix) && ipKeyBlock(address, Number(prefix)) !== null;
}

function addressValue(field: FilterField, t: Token): FilterValue {
  const { address, prefix } = splitCidr(t.value);
  const parsed = parseIpAddress(address);
  if (!parsed) throw new FilterError(`invalid address "${address}" for "${field.name}"`, t.position, t.length);
  if (prefix === null) return { kind: 'address', address, prefix: null };
  const max = maxPrefix(parsed.family);
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  if (!(bits <= max)) throw new FilterError(`invalid prefix length "/${prefix}" (IPv${parsed.family} allows 0 to ${max})`, t.position, t.length);
  return { kind: 'address', address, prefix: bits };
}

/**
 * The value a comparison or set member token stands for, given the field's type:
 * a number for number fields; an address or CIDR block for address fields; for
 * text fields a string, quoted or bare (`proto == tcp`). Mismatches are errors
 * at the token, because the user can fix them before anything runs.
 */
export function fieldValue(field: FilterField, t: Token): FilterValue {
  if (field.kind === 'address') return addressValue(field, t);
  if (isCidr(t)) throw new FilterError(`"${t.text}" is an address block, but "${field.name}" is not an address field (ip.addr, ip.src, ip.dst)`, t.position, t.length);
  if (field.kind === 'text') return { kind: 'text', value: t.value };
  const n = t.kind === 'word' ? parseNumber(t.text) : null;
  if (n === null) throw new FilterError(`expected a number for "${field.name}", found ${describe(t)}`, t.position, t.length);
  return { kind: 'number', value: n };
}
