import { ipv4FromWord, ipv6FromWords } from '../../shared/net/address-text';
import { NRB_END, NRB_IPV4, NRB_IPV6 } from './pcapng-format';
import { MAX_NAMES, type ResolvedName } from './read-stats';

const utf8 = new TextDecoder('utf-8');

/**
 * Name Resolution Block records (draft-ietf-opsawg-pcapng §4.5): type, length,
 * then an address followed by one or more zero-terminated names. Adds each new
 * (address, name) pair to `names`, up to MAX_NAMES. Returns false when a record
 * runs past the block (the block is damaged).
 */
export function parseNrb(
  view: DataView,
  bytes: Uint8Array,
  body: number,
  end: number,
  little: boolean,
  names: ResolvedName[],
  seen: Set<string>,
): boolean {
  let o = body;
  while (end - o >= 4) {
    const type = view.getUint16(o, little);
    const len = view.getUint16(o + 2, little);
    if (type === NRB_END) return true;
    const value = o + 4;
    if (value + len > end) return false;
    const addrLen = type === NRB_IPV4 ? 4 : type === NRB_IPV6 ? 16 : 0;
    // Other record types (EUI-48/64, unknown ones) are skipped by their length.
    if (addrLen > 0 && len > addrLen) {
      const address = addrLen === 4 ? ipv4FromWord(view.getUint32(value, false)) : ipv6FromWords(view.getUint32(value, false), view.getUint32(value + 4, false), view.getUint32(value + 8, false), view.getUint32(value + 12, false));
      addNames(bytes, value + addrLen, value + len, address, names, seen);
    }
    o = value + ((len + 3) & ~3);
  }
  return true;
}

function addNames(bytes: Uint8Array, from: number, to: number, address: string, names: ResolvedName[], seen: Set<string>): void {
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i < to && bytes[i] !== 0) continue;
    if (i > start && names.length < MAX_NAMES) {
      const name = utf8.decode(bytes.subarray(start, i));
      const key = `${address} ${name}`;
      if (!seen.has(key)) {
        seen.add(key);
        names.push({ address, name });
      }
    }
    start = i + 1;
  }
}
