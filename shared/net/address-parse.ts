/**
 * Address text to bytes, the inverse of address-text.ts: what inet_pton accepts,
 * and nothing more. Used where a user types an address (display filters) and to
 * key stored addresses, so both sides read text the same way.
 */

/**
 * IPv4 dotted quad: four decimal parts 0–255. Leading zeros are refused, as
 * glibc's inet_pton refuses them, because other tools read "010" as octal.
 */
export function parseIpv4(text: string): Uint8Array | null {
  // By character codes, without split or regex: the flow writer keys every address.
  const out = new Uint8Array(4);
  let part = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46; // the end closes the last part like a '.'
    if (c === 46) {
      if (digits === 0 || part > 3) return null;
      out[part++] = value;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && value === 0) return null; // a leading zero
      value = value * 10 + (c - 48);
      if (value > 255) return null;
      digits++;
    } else {
      return null;
    }
  }
  return part === 4 ? out : null;
}

/** Hex groups of one side of "::"; a dotted IPv4 tail counts as two groups. */
function groups(side: string, mayEndInIpv4: boolean): number[] | null {
  if (side === '') return [];
  const parts = side.split(':');
  const out: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (mayEndInIpv4 && i === parts.length - 1 && p.includes('.')) {
      const v4 = parseIpv4(p);
      if (!v4) return null;
      out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) {
      out.push(parseInt(p, 16));
    } else {
      return null;
    }
  }
  return out;
}

/**
 * IPv6 text (RFC 4291 §2.2): eight hex groups, at most one "::" standing for
 * one or more zero groups, an optional dotted IPv4 tail. Zone ids ("%eth0")
 * are refused: they name an interface, not an address.
 */
export function parseIpv6(text: string): Uint8Array | null {
  const gap = text.indexOf('::');
  if (gap !== text.lastIndexOf('::')) return null;
  let all: number[];
  if (gap < 0) {
    const g = groups(text, true);
    if (!g || g.length !== 8) return null;
    all = g;
  } else {
    const head = groups(text.slice(0, gap), false);
    const tail = groups(text.slice(gap + 2), true);
    if (!head || !tail || head.length + tail.length > 7) return null;
    all = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  }
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    out[2 * i] = all[i] >>> 8;
    out[2 * i + 1] = all[i] & 255;
  }
  return out;
}
