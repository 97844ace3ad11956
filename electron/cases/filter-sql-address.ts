import type { FilterValue } from '../../shared/filter/ast';
import { compareIpKeys, ipKey, ipKeyBlock, ipv4KeyBlock, type IpKeyBlock } from '../../shared/net/ip-key';
import { FilterCompileError } from './filter-compile-error';

type AddressValue = Extract<FilterValue, { kind: 'address' }>;
type Bind = (v: Uint8Array) => string;

function block(v: AddressValue): IpKeyBlock {
  const b = ipKeyBlock(v.address, v.prefix ?? (v.address.includes(':') ? 128 : 32));
  if (!b) throw new FilterCompileError(`not an address: ${JSON.stringify(v.address)}${v.prefix === null ? '' : `/${v.prefix}`}`);
  return b;
}

/**
 * An IPv6 block wider than ::ffff:0:0/96 (::/0, ::/64 …) also spans every IPv4
 * key; it is meant to match IPv6 flows only, so the IPv4 keys are cut out.
 * Blocks inside ::ffff:0:0/96 are IPv4 blocks written in IPv6 and keep them.
 */
function spansIpv4(b: IpKeyBlock): boolean {
  const v4 = ipv4KeyBlock;
  const covers = compareIpKeys(b.first, v4.first) <= 0 && compareIpKeys(b.last, v4.last) >= 0;
  const same = compareIpKeys(b.first, v4.first) === 0 && compareIpKeys(b.last, v4.last) === 0;
  return b.family === 6 && covers && !same;
}

/**
 * One key column against an address or CIDR block: `k = ?`, `k BETWEEN ? AND ?`;
 * negated: `k <> ?`, `k NOT BETWEEN ? AND ?`. Each form is NULL when the key is,
 * so a flow without the address matches neither (filter-sql.ts).
 */
export function addressPredicate(col: string, v: AddressValue, bind: Bind, negated: boolean): string {
  const b = block(v);
  if (v.prefix === null) return `${col} ${negated ? '<>' : '='} ${bind(ipKey(v.address)!)}`;
  if (!spansIpv4(b)) return `${col} ${negated ? 'NOT BETWEEN' : 'BETWEEN'} ${bind(b.first)} AND ${bind(b.last)}`;
  const inside = `${col} BETWEEN ${bind(b.first)} AND ${bind(b.last)} AND ${col} NOT BETWEEN ${bind(ipv4KeyBlock.first)} AND ${bind(ipv4KeyBlock.last)}`;
  return negated ? `NOT (${inside})` : `(${inside})`;
}

/** One key column in a set of addresses and blocks: `k IN (?, ?)`, blocks OR'd beside it. */
export function addressSetPredicate(col: string, values: AddressValue[], bind: Bind, negated: boolean): string {
  const exact = values.filter((v) => v.prefix === null);
  const parts: string[] = [];
  if (exact.length > 0) parts.push(`${col} IN (${exact.map((v) => { block(v); return bind(ipKey(v.address)!); }).join(', ')})`);
  for (const v of values) if (v.prefix !== null) parts.push(addressPredicate(col, v, bind, false));
  const any = parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
  return negated ? `NOT (${any})` : any;
}
