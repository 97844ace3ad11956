/**
 * Text forms of addresses carried inside application payloads (DNS answers,
 * DHCP options), read straight from the bytes. The flow engine formats its own
 * addresses from 32-bit words (flows/address-format.ts); these read bytes.
 */
export function ipv4Text(d: Uint8Array, o: number): string {
  return `${d[o]}.${d[o + 1]}.${d[o + 2]}.${d[o + 3]}`;
}

/**
 * IPv6 as inet_ntop (glibc) and tshark print it: RFC 5952 (lower case, the
 * longest run of two or more zero groups as "::", the first on a tie) plus the
 * dotted tail for IPv4-mapped and IPv4-compatible addresses (RFC 5952 §5).
 */
export function ipv6Text(d: Uint8Array, o: number): string {
  const g = new Array<number>(8);
  for (let i = 0; i < 8; i++) g[i] = (d[o + 2 * i] << 8) | d[o + 2 * i + 1];
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestStart = -1;
  // ::a.b.c.d (compatible, not :: or ::1) and ::ffff:a.b.c.d (mapped).
  const embedsIpv4 = bestStart === 0 && (bestLen === 6 || (bestLen === 7 && g[7] !== 1) || (bestLen === 5 && g[5] === 0xffff));
  let s = '';
  const last = embedsIpv4 ? 6 : 8;
  for (let i = 0; i < last; i++) {
    if (i === bestStart) {
      s += '::';
      i += bestLen - 1;
      continue;
    }
    if (s !== '' && !s.endsWith(':')) s += ':';
    s += g[i].toString(16);
  }
  if (embedsIpv4) {
    if (!s.endsWith(':')) s += ':';
    s += ipv4Text(d, o + 12);
  }
  return s;
}
