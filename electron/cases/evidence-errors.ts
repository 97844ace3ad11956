/**
 * An evidence file that is no longer the one imported (different bytes or size)
 * or is gone. Readers refuse it rather than show packets that may not be the
 * evidence; the API turns it into the `evidence_changed` error.
 */
export class EvidenceChangedError extends Error {
  override readonly name = 'EvidenceChangedError';
  constructor(
    readonly path: string,
    readonly evidenceId: number,
    readonly state: 'changed' | 'missing',
    readonly detail: string,
  ) {
    super(`${path}: ${detail}. Flowsight will not read it; restore the original file (its SHA-256 is in the evidence list) or remove this evidence`);
  }
}
