import { fork, type ChildProcess } from 'node:child_process';
import type { LiveCaptureOptions, LiveCounters } from '../ingest/live-capture';
import type { CaptureReply, CaptureRequest } from './capture-protocol';

export interface CaptureRunning {
  device: string;
  filter: string;
  counters: LiveCounters | null;
}

/** The script of the capture process: bundled beside this file, or the TypeScript source through tsx. */
function captureScript(): { path: string; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return { path: new URL('./capture-process.ts', here).pathname, execArgv: ['--import', 'tsx'] };
  return { path: new URL('./capture-process.js', here).pathname, execArgv: [] };
}

/**
 * Starts and steers one live capture process and relays what it reports.
 * `start` resolves once libpcap accepted the device and the filter, or rejects
 * with the reason it did not.
 */
export class CaptureController {
  private child: ChildProcess | null = null;
  running: CaptureRunning | null = null;

  constructor(
    private readonly events: { progress(c: LiveCounters): void; ended(c: LiveCounters | null, error: string | null): void },
  ) {}

  start(casePath: string, options: LiveCaptureOptions, nativeBinding?: string): Promise<void> {
    if (this.child) return Promise.reject(new Error('a capture is already running'));
    const script = captureScript();
    const child = fork(script.path, [], { execArgv: script.execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.child = child;
    this.running = { device: options.device, filter: options.filter, counters: null };
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve, reject) => {
      let settled = false;
      let last: LiveCounters | null = null;
      child.on('message', (m: CaptureReply) => {
        if (m.type === 'started') {
          settled = true;
          resolve();
        } else if (m.type === 'failed') {
          if (!settled) {
            // Refused before it started: report once the process has gone, so a new start finds nothing running.
            settled = true;
            child.once('exit', () => reject(new Error(m.error)));
          } else this.events.ended(last, m.error);
        } else if (m.type === 'progress') {
          last = m.counters;
          if (this.running) this.running.counters = m.counters;
          this.events.progress(m.counters);
        } else if (m.type === 'ended') {
          last = m.counters;
        }
      });
      child.on('exit', (code) => {
        this.child = null;
        this.running = null;
        if (!settled) {
          settled = true;
          reject(new Error(`the capture process exited (code ${code})${stderr ? `: ${stderr.trim().split('\n').pop()}` : ''}`));
          return;
        }
        this.events.ended(last, code === 0 || code === null ? null : `the capture process exited with code ${code}`);
      });
      child.send({ type: 'start', casePath, options, nativeBinding } satisfies CaptureRequest);
    });
  }

  tag(tag: string | null): void {
    // The moment the user set it, not when the capture process reads the message: packets after it carry the tag.
    this.child?.send({ type: 'tag', tag, at: Date.now() / 1000 } satisfies CaptureRequest);
  }

  /** Stops the capture and resolves when its process has written everything and exited. */
  stop(): Promise<void> {
    const child = this.child;
    if (!child) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.send({ type: 'stop' } satisfies CaptureRequest);
    });
  }
}
