import { ApiError } from '../../shared/contract/errors';
import type { CaptureCounters } from '../../shared/domain/capture';
import { CaptureController } from '../jobs/capture-controller';
import type { LiveCaptureOptions } from '../ingest/live-capture';
import type { Session } from './session';

// Views refresh at most this often while a capture runs (the issue asks for 2–4 updates a second).
const LIVE_REFRESH_MS = 400;

/**
 * The counters a capture job reports (progress and summary): every number the
 * UI's capture status bar shows; drops only once they are counted.
 */
function liveCounters(c: CaptureCounters): Record<string, number> {
  const { dropped, interfaceDropped, seconds, ...rest } = c;
  return { ...rest, seconds: Math.round(seconds * 10) / 10, ...(dropped === null ? {} : { dropped }), ...(interfaceDropped === null ? {} : { interfaceDropped }) };
}

/**
 * The session's live capture: one at a time, shown as a job (progress, cancel),
 * with the case's views told to refresh a few times a second while flows grow.
 */
export class CaptureHub {
  private controller: CaptureController;
  private job: ReturnType<Session['jobs']['external']> | null = null;
  private lastRefresh = 0;
  running: { jobId: string; device: string; filter: string; tag: string | null; counters: CaptureCounters | null } | null = null;

  constructor(private readonly session: Session) {
    this.controller = new CaptureController({
      progress: (c) => {
        if (!this.running || !this.job) return;
        this.running.counters = c;
        this.job.progress({ done: c.packets, total: 0, message: `Capturing on ${this.running.device}`, counters: liveCounters(c) });
        const now = Date.now();
        if (now - this.lastRefresh >= LIVE_REFRESH_MS) {
          this.lastRefresh = now;
          this.session.caseChanged();
          this.session.emit('case.changed', { reason: 'live' });
        }
      },
      ended: (c, error) => {
        const job = this.job;
        this.job = null;
        this.running = null;
        this.session.caseChanged();
        this.session.emit('case.changed', { reason: 'ingested' });
        job?.finish(error ? 'failed' : 'done', c ? liveCounters(c) : {}, error ?? undefined);
      },
    });
  }

  async start(casePath: string, options: LiveCaptureOptions): Promise<string> {
    if (this.running) throw new ApiError('conflict', 'a capture is already running');
    const job = this.session.jobs.external('capture', () => void this.controller.stop());
    this.job = job;
    this.running = { jobId: job.jobId, device: options.device, filter: options.filter, tag: options.tag ?? null, counters: null };
    try {
      await this.controller.start(casePath, { ...options, nativeDir: this.session.opts.nativeDir }, this.session.opts.nativeBinding);
    } catch (err) {
      this.job = null;
      this.running = null;
      job.finish('failed', {}, (err as Error).message);
      throw new ApiError('bad_input', (err as Error).message);
    }
    return job.jobId;
  }

  setTag(tag: string | null): void {
    if (this.running) this.running.tag = tag;
    this.controller.tag(tag);
  }

  async stop(): Promise<boolean> {
    if (!this.running) return false;
    await this.controller.stop();
    return true;
  }
}
