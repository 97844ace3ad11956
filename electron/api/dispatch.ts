import { callMutates, calls, isCallName, type CallName } from '../../shared/contract/calls';
import { ApiError, type ApiErrorShape } from '../../shared/contract/errors';
import { CaptureFormatError } from '../capture/capture-errors';
import { CaseError } from '../cases/case-errors';
import { EvidenceChangedError } from '../cases/evidence-errors';
import { UnknownClassifierError } from '../fingerprint/active-classifier';
import { CsvFileError } from '../fingerprint/csv-file-error';
import { SessionTrainingError } from '../fingerprint/train-session-model';
import { FilterError } from '../../shared/filter';
import { ModelFileError } from '../learning/model-file-error';
import { InputFileError } from '../input-file';
import { TrainingError } from '../learning/training-error';
import type { Handler } from './handler';
import { handlers } from './handlers';
import type { Session } from './session';

import type { RpcEnvelope } from '../../shared/contract/api';

export type RpcResult = RpcEnvelope;

/**
 * The one entry point of both transports: the call name and its input are
 * checked against the contract before any handler runs. A rejected request is
 * logged and never executed.
 */
export async function dispatch(session: Session, call: string, input: unknown, origin: string): Promise<RpcResult> {
  if (!isCallName(call)) {
    session.log.log('warn', 'rpc.rejected', { call, origin, reason: 'unknown call' });
    return { ok: false, error: { code: 'invalid_request', message: `unknown call ${JSON.stringify(call).slice(0, 80)}` } };
  }
  const parsed = calls[call].input.safeParse(input ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
    session.log.log('warn', 'rpc.rejected', { call, origin, reason: 'invalid input', details });
    return { ok: false, error: { code: 'invalid_request', message: `invalid input for ${call}`, details } };
  }
  // A read-only case refuses every call that would change it, before any handler runs.
  if (callMutates(call) && session.readOnly) {
    session.log.log('info', 'rpc.read_only', { call, origin });
    return { ok: false, error: { code: 'read_only', message: `${call}: ${session.openCasePath} is open read-only, so nothing in it can be changed` } };
  }
  const started = performance.now();
  try {
    const handler = handlers[call] as Handler<CallName>;
    const result = await handler(parsed.data as never, session);
    const ms = performance.now() - started;
    if (ms > 40) session.log.log('info', 'rpc.slow', { call, ms: Math.round(ms) });
    return { ok: true, result };
  } catch (err) {
    return { ok: false, error: toApiError(session, call, err) };
  }
}

function toApiError(session: Session, call: string, err: unknown): ApiErrorShape {
  if (err instanceof ApiError) return err.toShape();
  if (err instanceof CaptureFormatError || err instanceof ModelFileError || err instanceof TrainingError || err instanceof InputFileError) return { code: 'bad_input', message: err.message };
  // A display filter that does not parse: where it went wrong, for the filter bar to underline.
  if (err instanceof FilterError) return { code: 'invalid_request', message: `filter: ${err.message}`, details: [`position ${err.position}`, `length ${err.length}`] };
  if (err instanceof CsvFileError) return { code: 'bad_input', message: err.message, details: err.details };
  if (err instanceof SessionTrainingError) return { code: 'bad_input', message: err.message };
  if (err instanceof UnknownClassifierError) return { code: 'not_found', message: err.message };
  if (err instanceof CaseError) {
    const code = err.code === 'schema_too_new' ? 'schema_too_new' : err.code === 'not_found' ? 'not_found' : err.code === 'needs_upgrade' ? 'read_only' : err.code === 'in_use' ? 'conflict' : 'bad_input';
    return { code, message: err.message };
  }
  if (err instanceof EvidenceChangedError) return { code: 'evidence_changed', message: err.message, details: [err.path, err.state] };
  session.log.log('error', 'rpc.failed', { call, error: err instanceof Error ? err.stack : String(err) });
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
