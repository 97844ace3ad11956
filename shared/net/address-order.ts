import { compareIpKeys, ipKey } from './ip-key';

// Keys of the addresses compared lately: a sort compares each address about
// log2(n) times. Bounded; it starts over when full.
const MAX_KEYS = 100_000;
const keys = new Map<string, Uint8Array | null>();

function keyOf(text: string): Uint8Array | null {
  let k = keys.get(text);
  if (k === undefined) {
    k = ipKey(text);
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(text, k);
  }
  return k;
}

/**
 * Orders address texts by value, as the flow table's server-side sort does
 * (10.0.0.2 before 10.0.0.10; IPv4 as ::ffff:a.b.c.d among IPv6). Empty values
 * come first; texts that are not addresses (a MAC, a name) come after every
 * address, in text order. For client-side tables (AG Grid comparators).
 */
export function compareAddressText(a: unknown, b: unknown): number {
  const ta = typeof a === 'string' ? a : null;
  const tb = typeof b === 'string' ? b : null;
  if (ta === null || tb === null) return ta === tb ? 0 : ta === null ? -1 : 1;
  const ka = keyOf(ta);
  const kb = keyOf(tb);
  if (ka && kb) return compareIpKeys(ka, kb);
  if (ka || kb) return ka ? -1 : 1;
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}
