import { resolve } from 'node:path';
import type { HandlerGroup } from '../handler';

export const caseHandlers: HandlerGroup<'case.current' | 'case.open' | 'case.create' | 'case.close'> = {
  'case.current': (_input, s) => s.summary(),
  'case.open': ({ path }, s) => s.openCase(resolve(path)),
  'case.create': ({ path }, s) => s.openCase(resolve(path.endsWith('.flowsight') ? path : `${path}.flowsight`), { create: true }),
  'case.close': (_input, s) => ({ closed: s.closeCase() }),
};
