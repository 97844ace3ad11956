import { ApiError } from '../../../shared/contract/errors';
import { parseFilter, type FilterErrorInfo } from '../../../shared/filter';

export type FilterStatus = { kind: 'empty' } | { kind: 'valid' } | { kind: 'invalid'; error: FilterErrorInfo };

/** Live validity as the user types: the same parser the main process runs (which re-parses, never trusting this). */
export function checkFilter(text: string): FilterStatus {
  if (!text.trim()) return { kind: 'empty' };
  const r = parseFilter(text);
  return r.ok ? { kind: 'valid' } : { kind: 'invalid', error: r.error };
}

function detailNumber(details: string[], name: string): number | null {
  for (const d of details) {
    const m = new RegExp(`^${name} (\\d+)$`).exec(d);
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * A filter the main process refused (`invalid_request` with `position N` and
 * `length M` in its details), as the same positioned error the parser gives;
 * null for any other error.
 */
export function serverFilterError(err: unknown): FilterErrorInfo | null {
  if (!(err instanceof ApiError) || err.code !== 'invalid_request' || !err.details) return null;
  const position = detailNumber(err.details, 'position');
  if (position === null) return null;
  return { message: err.message.replace(/^filter: /, ''), position, length: detailNumber(err.details, 'length') ?? 1 };
}
