import { z } from 'zod';

/**
 * Errors cross the process boundary as plain `{code, message, details}` objects
 * (as VS Code's IPC does), never as thrown class instances.
 */
export const ErrorCode = z.enum([
  'invalid_request', // failed the contract's schema, or unknown call
  'unauthorized', // serve mode: missing or wrong token
  'forbidden', // serve mode: foreign Host or Origin; path outside what the user chose
  'no_case', // the call needs an open case
  'not_found',
  'conflict', // e.g. a job is already running on this case
  'bad_input', // a file or record the user gave is unusable
  'schema_too_new', // the case was written by a newer Flowsight
  'read_only', // the case is open read-only (or a read-only open is impossible: it needs an upgrade)
  'evidence_changed', // an evidence file differs from what was imported, or is missing: it is not read
  'unsupported', // not available on this transport or machine (e.g. native dialogs in serve mode)
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.array(z.string()).optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

/** The error the renderer's client throws; the same shape crosses both transports. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
  }

  toShape(): ApiErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }

  static fromShape(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.details);
  }
}
