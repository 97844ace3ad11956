import type { HandlerGroup } from '../handler';
import { captureAvailability } from '../../capture/live-availability';

export const appHandlers: HandlerGroup<'app.info'> = {
  'app.info': (_input, s) => ({ version: s.opts.version, transport: s.opts.transport, captureAvailable: captureAvailability().available }),
};
