/**
 * QUIC variable-length integers (RFC 9000 §16): the two high bits of the first
 * byte give the length (1, 2, 4 or 8 bytes). Values above 2^53 lose precision
 * as JS numbers; they only ever occur in fields we bound-check and reject.
 */
export function varintSize(d: Uint8Array, o: number): number {
  return 1 << (d[o] >> 6);
}

/** The value at `o`; the caller has checked that `varintSize` bytes are there. */
export function varintValue(d: Uint8Array, o: number): number {
  const size = 1 << (d[o] >> 6);
  let v = d[o] & 0x3f;
  for (let i = 1; i < size; i++) v = v * 256 + d[o + i];
  return v;
}
