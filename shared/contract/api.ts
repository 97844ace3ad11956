import type { CallInput, CallName, CallOutput } from './calls';
import type { ApiErrorShape } from './errors';
import type { EventName, EventPayload } from './events';

/**
 * What the renderer sees as `window.flowsight` (Electron preload) or builds from
 * the serve-mode client: one generic invoke and one generic subscribe, both typed
 * by the contract.
 */
export interface FlowsightApi {
  invoke<C extends CallName>(call: C, input: CallInput<C>): Promise<CallOutput<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** IPC channel names: one prefix, so the preload can refuse anything else. */
export const IPC_CALL_PREFIX = 'flowsight:call:';
export const IPC_EVENT_CHANNEL = 'flowsight:event';

/** What a transport returns for one call: errors travel as data, never as thrown objects. */
export type RpcEnvelope<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiErrorShape };

/**
 * What the Electron preload exposes as `window.flowsight`. Errors cannot cross
 * contextBridge as class instances, so invoke returns the envelope and the
 * renderer turns it into an ApiError.
 */
export interface FlowsightBridge {
  invoke(call: string, input: unknown): Promise<RpcEnvelope>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
