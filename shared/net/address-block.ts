import { ipKeyBlock, maxPrefix, parseIpAddress, type IpKeyBlock } from './ip-key';

/**
 * An address or a CIDR block as a user writes it (`10.0.0.5`, `10.0.0.0/8`,
 * `2001:db8::/32`), as the keys it covers; null when it is neither. A bare
 * address is its own /32 or /128.
 */
export function parseAddressBlock(text: string): IpKeyBlock | null {
  const t = text.trim();
  const slash = t.indexOf('/');
  if (slash < 0) {
    const a = parseIpAddress(t);
    return a ? ipKeyBlock(t, maxPrefix(a.family)) : null;
  }
  const prefix = t.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(prefix)) return null;
  return ipKeyBlock(t.slice(0, slash), Number(prefix));
}
