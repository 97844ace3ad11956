/** Lead-byte ranges: how many continuation bytes follow and the smallest code point the form may encode. */
function leadByte(c: number): { need: number; min: number } | null {
  if (c >= 0xc2 && c <= 0xdf) return { need: 1, min: 0x80 };
  if (c >= 0xe0 && c <= 0xef) return { need: 2, min: 0x800 };
  if (c >= 0xf0 && c <= 0xf4) return { need: 3, min: 0x10000 };
  return null;
}

/**
 * The offset of the first byte that does not start a valid UTF-8 sequence
 * (overlong forms, surrogates and code points above U+10FFFF included), or -1.
 * TextDecoder's fatal mode says only that a line is bad; this says where.
 */
export function invalidUtf8At(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const lead = leadByte(c);
    if (!lead) return i;
    let cp = c & (0x3f >> lead.need);
    for (let k = 1; k <= lead.need; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < lead.min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += lead.need + 1;
  }
  return -1;
}
