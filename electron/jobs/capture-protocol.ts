import type { LiveCaptureOptions, LiveCounters } from '../ingest/live-capture';

export type CaptureRequest =
  | { type: 'start'; casePath: string; options: LiveCaptureOptions; nativeBinding?: string }
  | { type: 'tag'; tag: string | null; at: number }
  | { type: 'stop' };

export type CaptureReply =
  | { type: 'started' }
  | { type: 'failed'; error: string }
  | { type: 'progress'; counters: LiveCounters }
  | { type: 'ended'; counters: LiveCounters };
