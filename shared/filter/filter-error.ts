/** Where a filter went wrong: a message and the offending text's offset and length in the filter. */
export interface FilterErrorInfo {
  message: string;
  /** Offset (UTF-16 code units, as JavaScript indexes strings) of the offending token. */
  position: number;
  length: number;
}

/**
 * A display filter that cannot be read or does not type-check. Thrown inside
 * the lexer and parser; parseFilter turns it into its `{ ok: false }` result,
 * so callers (the filter bar, the CLI) can underline the exact token.
 */
export class FilterError extends Error implements FilterErrorInfo {
  override readonly name = 'FilterError';
  constructor(
    message: string,
    readonly position: number,
    readonly length: number,
  ) {
    super(message);
  }

  info(): FilterErrorInfo {
    return { message: this.message, position: this.position, length: this.length };
  }
}
