import type { FlowsightApi, FlowsightBridge } from '../../shared/contract/api';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { ApiError } from '../../shared/contract/errors';
import type { EventName, EventPayload } from '../../shared/contract/events';
import { serveClient } from './serve-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser (serve mode). */
    flowsight?: FlowsightBridge;
  }
}

function ipcClient(bridge: FlowsightBridge): FlowsightApi {
  return {
    async invoke<C extends CallName>(call: C, input: CallInput<C>): Promise<CallOutput<C>> {
      const r = await bridge.invoke(call, input);
      if (!r.ok) throw ApiError.fromShape(r.error);
      return r.result as CallOutput<C>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return bridge.on(event, listener as (p: unknown) => void);
    },
  };
}

const TOKEN_KEY = 'flowsight.token';

/**
 * The API for this page: Electron's preload bridge, or the serve-mode client. The
 * token arrives once in the URL; it is kept for this tab and removed from the
 * address bar so it does not linger in history or screenshots.
 */
function connect(): FlowsightApi {
  if (window.flowsight) return ipcClient(window.flowsight);
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
  }
  return serveClient(fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '');
}

export const api: FlowsightApi = connect();
