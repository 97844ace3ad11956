import { ApiError } from '../../../shared/contract/errors';
import { compareIpKeys, ipKey, ipKeyBlock, type IpKeyBlock } from '../../../shared/net/ip-key';
import { isHostAddress } from './address-kinds';

/**
 * The case's local networks as CIDR blocks over the sortable 16-byte address
 * keys (IPv4 as ::ffff:a.b.c.d), so one comparison serves both families.
 * Answers are memoised per address: a case repeats the same few thousand.
 */
export class LocalNetworks {
  private memo = new Map<string, boolean>();

  private constructor(private readonly blocks: IpKeyBlock[]) {}

  /** Parses `a.b.c.d/n` and `x::/n` blocks (a bare address is /32 or /128); throws bad_input naming the bad one. */
  static parse(cidrs: readonly string[]): LocalNetworks {
    const blocks = cidrs.map((c) => {
      const [addr, len] = c.trim().split('/');
      const prefix = len === undefined ? (addr.includes(':') ? 128 : 32) : /^\d+$/.test(len) ? Number(len) : NaN;
      const b = ipKeyBlock(addr, prefix);
      if (!b) throw new ApiError('bad_input', `not a CIDR block: ${JSON.stringify(c)}`);
      return b;
    });
    return new LocalNetworks(blocks);
  }

  contains(address: string | null): boolean {
    if (address === null) return false;
    const known = this.memo.get(address);
    if (known !== undefined) return known;
    const key = ipKey(address);
    const inside = key !== null && this.blocks.some((b) => compareIpKeys(key, b.first) >= 0 && compareIpKeys(key, b.last) <= 0);
    if (this.memo.size > 1_000_000) this.memo.clear();
    this.memo.set(address, inside);
    return inside;
  }
}

export type Direction = 'outbound' | 'inbound' | 'internal' | 'external';

/**
 * A flow's direction relative to the local networks: who started it (the
 * source) and where it went. Unspecified, broadcast and multicast addresses
 * (a DHCP discover from 0.0.0.0 to 255.255.255.255) stay on the link, so they
 * count as inside; a flow without addresses (KDD records) is external.
 */
export function flowDirection(local: LocalNetworks, src: string | null, dst: string | null): Direction {
  const inside = (a: string | null) => a !== null && (local.contains(a) || !isHostAddress(a));
  const s = inside(src);
  const d = inside(dst);
  if (s && d) return 'internal';
  if (s) return 'outbound';
  if (d) return 'inbound';
  return 'external';
}
