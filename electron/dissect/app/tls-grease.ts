/**
 * GREASE values (RFC 8701 §2): 0x0a0a, 0x1a1a, … 0xfafa. Clients sprinkle them
 * into cipher suites, extensions, groups, versions and signature algorithms to
 * keep servers tolerant; fingerprints (JA3, JA4) leave them out.
 */
export function isGrease(v: number): boolean {
  return (v & 0x0f0f) === 0x0a0a && (v >> 8) === (v & 0xff);
}
