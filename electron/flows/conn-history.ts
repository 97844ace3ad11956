/** Longest history kept; Zeek's is unbounded, but past this many letters a row gains nothing. */
const MAX_LETTERS = 64;

/**
 * Zeek's connection history string (Connection::CheckHistory / AddHistory):
 * letters appended in the order events happen, into a preallocated buffer so
 * that recording one allocates nothing. `seen` is Zeek's hist_seen mask, one
 * bit per (event, side): a masked event is recorded only the first time.
 */
export class ConnHistory {
  private readonly letters = new Uint8Array(MAX_LETTERS);
  private length = 0;
  private seen = 0;

  reset(): void {
    this.length = 0;
    this.seen = 0;
  }

  /** Records `code` unless `mask` was seen before; returns whether it had been seen. */
  check(mask: number, code: number): boolean {
    if ((this.seen & mask) !== 0) return true;
    this.seen |= mask;
    this.add(code);
    return false;
  }

  add(code: number): void {
    if (this.length < MAX_LETTERS) this.letters[this.length++] = code;
  }

  get empty(): boolean {
    return this.length === 0;
  }

  toString(): string {
    return String.fromCharCode(...this.letters.subarray(0, this.length));
  }
}

/** Character code of a history letter. */
export function letter(c: string): number {
  return c.charCodeAt(0);
}

/** Zeek writes the responder's letters in lower case. */
export function forSide(code: number, isOrig: boolean): number {
  return isOrig ? code : code | 0x20;
}
