import { z } from 'zod';
import { IntegrityReport } from '../domain/evidence';
import { JobFinished, JobProgress } from '../domain/job';

/** Events flow main → renderer only. Names are `<domain>.<past-tense or noun>`. */
export const events = {
  'job.progress': JobProgress,
  'job.finished': JobFinished,
  /** The open case's content changed (flows added, case switched); views refetch. */
  'case.changed': z.object({ reason: z.enum(['opened', 'closed', 'ingested', 'live', 'labels', 'metadata', 'evidence', 'annotations', 'sessions', 'models', 'predictions']) }),
  /** The open case's evidence was checked against its recorded hashes (on open, or on demand). */
  'evidence.verified': IntegrityReport,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const eventNames = Object.keys(events) as EventName[];

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
