import type { FlowsightApi } from '../../shared/contract/api';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { ApiError, ApiErrorShape } from '../../shared/contract/errors';
import type { EventName, EventPayload } from '../../shared/contract/events';

/**
 * The serve-mode transport: calls are POST /rpc/<call> with the per-run token,
 * events arrive over one WebSocket that reconnects if the server restarts.
 */
export function serveClient(token: string): FlowsightApi {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let socket: WebSocket | null = null;

  const connect = () => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/events?token=${encodeURIComponent(token)}`;
    socket = new WebSocket(url);
    socket.onmessage = (m) => {
      const { event, payload } = JSON.parse(String(m.data)) as { event: string; payload: unknown };
      listeners.get(event)?.forEach((l) => l(payload));
    };
    socket.onclose = () => setTimeout(connect, 1000);
  };
  connect();

  return {
    async invoke<C extends CallName>(call: C, input: CallInput<C>): Promise<CallOutput<C>> {
      const res = await fetch(`/rpc/${call}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { result?: CallOutput<C>; error?: unknown };
      if (!res.ok || body.error) {
        const shape = ApiErrorShape.safeParse(body.error);
        throw shape.success ? ApiError.fromShape(shape.data) : new ApiError('internal', `HTTP ${res.status}`);
      }
      return body.result as CallOutput<C>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
}
