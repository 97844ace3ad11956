/**
 * A capture file that cannot be read (or read further). `offset` is the byte
 * offset in the (decompressed) file where the problem is, so a user can look.
 */
export class CaptureFormatError extends Error {
  override readonly name = 'CaptureFormatError';
  constructor(
    readonly file: string,
    readonly offset: number,
    readonly reason: string,
  ) {
    super(`${file}: ${reason} (at byte ${offset})`);
  }
}
