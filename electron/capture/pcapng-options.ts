import { OPT_ENDOFOPT } from './pcapng-format';

const utf8 = new TextDecoder('utf-8');

/**
 * Walks the options of a block (draft-ietf-opsawg-pcapng §3.5): code and length
 * as 16-bit words, the value padded to 32 bits. One cursor is reused for every
 * block, so walking allocates nothing; only `text()` builds a string.
 */
export class OptionCursor {
  code = 0;
  length = 0;
  /** Offset of the current option's value in the buffer. */
  value = 0;
  /** Set when an option ran past the end of its block. */
  malformed = false;
  private view!: DataView;
  private bytes!: Uint8Array;
  private little = true;
  private pos = 0;
  private end = 0;

  /** Starts on the options in `bytes[start, end)`. */
  reset(view: DataView, bytes: Uint8Array, start: number, end: number, little: boolean): void {
    this.view = view;
    this.bytes = bytes;
    this.little = little;
    this.pos = start;
    this.end = end;
    this.malformed = false;
  }

  /** Moves to the next option: false at opt_endofopt, at the end of the block or at a malformed option. */
  next(): boolean {
    if (this.end - this.pos < 4) return false;
    this.code = this.view.getUint16(this.pos, this.little);
    this.length = this.view.getUint16(this.pos + 2, this.little);
    if (this.code === OPT_ENDOFOPT) return false;
    this.value = this.pos + 4;
    if (this.value + this.length > this.end) {
      this.malformed = true;
      return false;
    }
    this.pos = this.value + ((this.length + 3) & ~3);
    return true;
  }

  u8(): number {
    return this.bytes[this.value];
  }

  /** A 64-bit value as a number (exact below 2^53, which counters and times are). */
  u64(): number {
    const v = this.view;
    const hi = v.getUint32(this.value + (this.little ? 4 : 0), this.little);
    const lo = v.getUint32(this.value + (this.little ? 0 : 4), this.little);
    return hi * 0x1_0000_0000 + lo;
  }

  /** A signed 64-bit value (if_tsoffset). */
  i64(): number {
    const v = this.view;
    const hi = v.getInt32(this.value + (this.little ? 4 : 0), this.little);
    const lo = v.getUint32(this.value + (this.little ? 0 : 4), this.little);
    return hi * 0x1_0000_0000 + lo;
  }

  /** UTF-8 text (§3.5: strings are not zero-terminated, but some writers add one). */
  text(): string {
    let end = this.value + this.length;
    while (end > this.value && this.bytes[end - 1] === 0) end--;
    return utf8.decode(this.bytes.subarray(this.value, end));
  }
}
