/**
 * Text forms of IP addresses, as inet_ntop (glibc) and tshark print them: IPv4
 * dotted; IPv6 per RFC 5952 (lower case, the longest run of two or more zero
 * groups as "::", the first on a tie) with the dotted tail for IPv4-mapped and
 * IPv4-compatible addresses (RFC 5952 §5). One implementation for addresses
 * held as 32-bit words (the flow engine) and as bytes (application payloads).
 */

export function ipv4FromWord(w: number): string {
  return `${(w >>> 24) & 255}.${(w >>> 16) & 255}.${(w >>> 8) & 255}.${w & 255}`;
}

export function ipv4Text(d: Uint8Array, o: number): string {
  return `${d[o]}.${d[o + 1]}.${d[o + 2]}.${d[o + 3]}`;
}

function ipv6FromGroups(g: number[]): string {
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
    s += `${g[6] >>> 8}.${g[6] & 255}.${g[7] >>> 8}.${g[7] & 255}`;
  }
  return s;
}

export function ipv6FromWords(w0: number, w1: number, w2: number, w3: number): string {
  return ipv6FromGroups([w0 >>> 16, w0 & 0xffff, w1 >>> 16, w1 & 0xffff, w2 >>> 16, w2 & 0xffff, w3 >>> 16, w3 & 0xffff]);
}

export function ipv6Text(d: Uint8Array, o: number): string {
  const g = new Array<number>(8);
  for (let i = 0; i < 8; i++) g[i] = (d[o + 2 * i] << 8) | d[o + 2 * i + 1];
  return ipv6FromGroups(g);
}

export function addressFromWords(version: number, w0: number, w1: number, w2: number, w3: number): string {
  return version === 6 ? ipv6FromWords(w0, w1, w2, w3) : ipv4FromWord(w0);
}
