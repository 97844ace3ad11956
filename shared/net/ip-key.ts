import { parseIpv4, parseIpv6 } from './address-parse';

/**
 * A 16-byte key per address that sorts like the address: IPv6 as its bytes,
 * IPv4 as the IPv4-mapped IPv6 address ::ffff:a.b.c.d (RFC 4291 §2.5.5.2). One
 * BLOB column then serves exact matches (=) and CIDR blocks (BETWEEN) for both
 * families, and every IPv4 key lies in ::ffff:0:0/96.
 */
export const IP_KEY_BYTES = 16;

export type IpFamily = 4 | 6;

/** The first and last key of a CIDR block, and the family its address was written in. */
export interface IpKeyBlock {
  family: IpFamily;
  first: Uint8Array;
  last: Uint8Array;
}

function mapped(v4: Uint8Array): Uint8Array {
  const key = new Uint8Array(IP_KEY_BYTES);
  key[10] = 0xff;
  key[11] = 0xff;
  key.set(v4, 12);
  return key;
}

/** The family an address text is written in, and its key; null when it is not an address. */
export function parseIpAddress(text: string): { family: IpFamily; key: Uint8Array } | null {
  if (text.includes(':')) {
    const v6 = parseIpv6(text);
    return v6 ? { family: 6, key: v6 } : null;
  }
  const v4 = parseIpv4(text);
  return v4 ? { family: 4, key: mapped(v4) } : null;
}

/** The sortable key of an address as flows store it (src_ip, dst_ip); null when the text is not an address. */
export function ipKey(text: string): Uint8Array | null {
  return parseIpAddress(text)?.key ?? null;
}

/** Largest prefix length of a family: 32 for IPv4, 128 for IPv6. */
export function maxPrefix(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

/**
 * The keys a CIDR block covers, e.g. 10.0.0.0/8 → ::ffff:10.0.0.0 …
 * ::ffff:10.255.255.255. Host bits set in the address are ignored (10.1.2.3/8
 * is 10.0.0.0/8), as Wireshark does. Null for a bad address or prefix.
 */
export function ipKeyBlock(text: string, prefix: number): IpKeyBlock | null {
  const a = parseIpAddress(text);
  if (!a || !Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix(a.family)) return null;
  const bits = a.family === 4 ? 96 + prefix : prefix;
  const first = new Uint8Array(a.key);
  const last = new Uint8Array(a.key);
  for (let i = 0; i < IP_KEY_BYTES; i++) {
    const keep = Math.max(0, Math.min(8, bits - 8 * i));
    const mask = (0xff << (8 - keep)) & 0xff;
    first[i] &= mask;
    last[i] = (last[i] & mask) | (~mask & 0xff);
  }
  return { family: a.family, first, last };
}

/** Every IPv4 key: the IPv4-mapped block ::ffff:0:0/96. */
export const ipv4KeyBlock: IpKeyBlock = ipKeyBlock('0.0.0.0', 0)!;

/** Byte order of two keys (memcmp, as SQLite compares BLOBs). */
export function compareIpKeys(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < IP_KEY_BYTES; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
