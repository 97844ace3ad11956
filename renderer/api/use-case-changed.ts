import { useEffect, useRef } from 'react';
import type { EventPayload } from '../../shared/contract/events';
import { api } from './client';

export type CaseChangeReason = EventPayload<'case.changed'>['reason'];

/**
 * Runs `refresh` when the open case's content changes. A live capture says so a
 * few times a second; if a refresh is still running when the next change
 * arrives, one more runs after it, never several at once, so a slow query
 * cannot pile up requests or make the view fall ever further behind. A change
 * other than `live` waiting behind a live one keeps its reason.
 */
export function useCaseChanged(refresh: (reason: CaseChangeReason) => unknown): void {
  const current = useRef(refresh);
  current.current = refresh;
  useEffect(() => {
    let running = false;
    let waiting: CaseChangeReason | null = null;
    let disposed = false;
    const run = (reason: CaseChangeReason) => {
      if (running) {
        waiting = waiting && waiting !== 'live' ? waiting : reason;
        return;
      }
      running = true;
      Promise.resolve()
        .then(() => current.current(reason))
        .catch(() => undefined)
        .finally(() => {
          running = false;
          const next = waiting;
          waiting = null;
          if (next && !disposed) run(next);
        });
    };
    const off = api.on('case.changed', ({ reason }) => run(reason));
    return () => {
      disposed = true;
      off();
    };
  }, []);
}
