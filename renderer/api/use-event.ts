import { useEffect } from 'react';
import type { EventName, EventPayload } from '../../shared/contract/events';
import { api } from './client';

/** Subscribes a component to a contract event for its lifetime. */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  useEffect(() => api.on(event, listener), [event, listener]);
}
