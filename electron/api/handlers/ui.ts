import { ApiError } from '../../../shared/contract/errors';
import type { HandlerGroup } from '../handler';

export const uiHandlers: HandlerGroup<'ui.chooseFiles'> = {
  'ui.chooseFiles': async ({ purpose }, s) => {
    if (!s.opts.chooseFiles) throw new ApiError('unsupported', 'no native file chooser in serve mode: type the path instead');
    const paths = await s.opts.chooseFiles(purpose);
    s.paths.choose(paths);
    return { paths };
  },
};
