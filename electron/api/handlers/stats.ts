import type { HandlerGroup } from '../handler';
import { toSelection } from '../flow-scope';

export const statsHandlers: HandlerGroup<'stats.conversations' | 'stats.endpoints' | 'stats.breakdown' | 'stats.ioGraph'> = {
  'stats.conversations': ({ scope, limit }, s) => s.requireCase().queries.run('conversations', toSelection(scope, s.requireCase().db), limit),
  'stats.endpoints': ({ scope, limit }, s) => s.requireCase().queries.run('endpoints', toSelection(scope, s.requireCase().db), limit),
  'stats.breakdown': ({ scope, by, limit }, s) => s.requireCase().queries.run('breakdown', toSelection(scope, s.requireCase().db), by, limit),
  'stats.ioGraph': ({ scope, interval }, s) => s.requireCase().queries.run('ioGraph', toSelection(scope, s.requireCase().db), interval),
};
