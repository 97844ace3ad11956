import { flowPage } from '../../cases/flow-reader';
import type { HandlerGroup } from '../handler';

export const flowHandlers: HandlerGroup<'flows.page'> = {
  'flows.page': (q, s) => flowPage(s.requireCase().db, q),
};
