import { api } from './client';

let cached: Promise<'ipc' | 'serve'> | null = null;

/** Which transport this page talks over (asked once): Electron IPC, or serve mode in a browser. */
export function transport(): Promise<'ipc' | 'serve'> {
  cached ??= api.invoke('app.info', {}).then((i) => i.transport);
  return cached;
}
