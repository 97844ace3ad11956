// The preload is a gate: it exposes one invoke and one subscribe, and refuses any
// call or event name outside the contract before anything reaches the main process.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CALL_PREFIX, IPC_EVENT_CHANNEL, type FlowsightBridge, type RpcEnvelope } from '../shared/contract/api';
import { callNames } from '../shared/contract/calls';
import { eventNames } from '../shared/contract/events';

const calls = new Set<string>(callNames);
const events = new Set<string>(eventNames);

const bridge: FlowsightBridge = {
  invoke: async (call, input) => {
    if (typeof call !== 'string' || !calls.has(call)) {
      return { ok: false, error: { code: 'invalid_request', message: `unknown call ${String(call).slice(0, 80)}` } } satisfies RpcEnvelope;
    }
    return (await ipcRenderer.invoke(IPC_CALL_PREFIX + call, input)) as RpcEnvelope;
  },
  on: (event, listener) => {
    if (typeof event !== 'string' || !events.has(event) || typeof listener !== 'function') return () => undefined;
    const handler = (_e: IpcRendererEvent, m: { event: string; payload: unknown }) => {
      if (m.event === event) listener(m.payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.off(IPC_EVENT_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('flowsight', bridge);
