/** A case file that cannot be opened or used, with the path and what to do. */
export class CaseError extends Error {
  override readonly name = 'CaseError';
  constructor(
    readonly path: string,
    readonly code: 'schema_too_new' | 'not_a_case' | 'not_found' | 'needs_upgrade' | 'in_use',
    reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}
