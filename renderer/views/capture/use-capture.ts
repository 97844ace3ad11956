import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CallInput } from '../../../shared/contract/calls';
import type { CaptureCounters } from '../../../shared/domain/capture';
import type { JobFinished, JobProgress } from '../../../shared/domain/job';
import { api } from '../../api/client';
import { useEvent } from '../../api/use-event';
import { countersOf } from './capture-counters';

export interface CaptureRun {
  jobId: string;
  device: string;
  filter: string;
  tag: string | null;
  /** Null until the capture first reports (a few times a second). */
  counters: CaptureCounters | null;
}

/** How the last capture ended: its final counters, or why it failed. */
export interface CaptureOutcome {
  device: string;
  filter: string;
  counters: CaptureCounters | null;
  error: string | null;
}

export interface Capture {
  /** Null until the main process has said. */
  available: boolean | null;
  /** Why capture cannot run here, when it cannot. */
  reason: string | null;
  running: CaptureRun | null;
  ended: CaptureOutcome | null;
  /** Starts a capture; rejects with the main process's reason when libpcap refuses. */
  start: (input: CallInput<'capture.start'>) => Promise<void>;
  stop: () => Promise<void>;
  /** Sets the activity tag (null clears it). */
  setTag: (tag: string | null) => Promise<void>;
  dismissEnded: () => void;
}

interface State {
  available: boolean | null;
  reason: string | null;
  running: CaptureRun | null;
  ended: CaptureOutcome | null;
}

/**
 * The session's live capture as the UI sees it: whether capture is possible,
 * the running one with the counters of its `job.progress` events, and how the
 * last one ended. One capture runs at a time, for the whole app.
 */
export function useCapture(): Capture {
  const [state, setState] = useState<State>({ available: null, reason: null, running: null, ended: null });
  // Events decide from the latest state, not from the last render's.
  const latest = useRef(state);
  const update = useCallback((next: (prev: State) => State) => {
    latest.current = next(latest.current);
    setState(latest.current);
  }, []);

  const readStatus = useCallback(async () => {
    const s = await api.invoke('capture.status', {});
    update((prev) => ({
      ...prev,
      available: s.available,
      reason: s.reason,
      running: s.running ? { ...s.running, counters: s.running.counters ?? prev.running?.counters ?? null } : null,
    }));
  }, [update]);
  useEffect(() => {
    readStatus().catch(() => update((prev) => ({ ...prev, available: false, reason: 'the main process did not say whether live capture is available' })));
  }, [readStatus, update]);

  const onProgress = useCallback(
    (p: JobProgress) => {
      if (p.kind !== 'capture') return;
      const r = latest.current.running;
      if (r?.jobId === p.jobId) update((prev) => ({ ...prev, running: { ...r, counters: countersOf(p.counters, r.counters ?? undefined) } }));
      // A capture this page did not start (another window, or before a reload): ask what it is.
      else void readStatus().catch(() => undefined);
    },
    [readStatus, update],
  );
  const onFinished = useCallback((f: JobFinished) => {
    if (f.kind !== 'capture') return;
    update((prev) => {
      const r = prev.running;
      if (r?.jobId !== f.jobId) return prev;
      const counters = Object.keys(f.summary).length ? countersOf(f.summary, r.counters ?? undefined) : r.counters;
      return { ...prev, running: null, ended: { device: r.device, filter: r.filter, counters, error: f.status === 'failed' ? (f.error ?? 'the capture failed') : null } };
    });
  }, [update]);
  useEvent('job.progress', onProgress);
  useEvent('job.finished', onFinished);

  const start = useCallback(async (input: CallInput<'capture.start'>) => {
    const { jobId } = await api.invoke('capture.start', input);
    update((prev) => ({
      ...prev,
      ended: null,
      running: prev.running?.jobId === jobId ? prev.running : { jobId, device: input.device, filter: input.filter ?? '', tag: input.tag ?? null, counters: null },
    }));
  }, [update]);
  const stop = useCallback(async () => {
    await api.invoke('capture.stop', {});
  }, []);
  const setTag = useCallback(async (tag: string | null) => {
    const r = await api.invoke('capture.tag', { tag });
    update((prev) => (prev.running ? { ...prev, running: { ...prev.running, tag: r.tag } } : prev));
  }, [update]);
  const dismissEnded = useCallback(() => update((prev) => ({ ...prev, ended: null })), [update]);

  return useMemo(() => ({ ...state, start, stop, setTag, dismissEnded }), [state, start, stop, setTag, dismissEnded]);
}
