/** Why a log row was not imported; `kind` groups them in the evidence's skipped counts. */
export class RowError extends Error {
  override readonly name = 'RowError';
  constructor(
    readonly kind: 'columns' | 'address' | 'number' | 'time' | 'protocol' | 'missing' | 'syntax',
    message: string,
  ) {
    super(message);
  }
}
