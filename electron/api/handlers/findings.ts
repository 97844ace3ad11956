import { ApiError } from '../../../shared/contract/errors';
import { detectorInfo, resolveThresholds } from '../../analysis/findings/detectors';
import { findingFlowIds, listFindings } from '../../analysis/findings/findings-store';
import type { FindingsJobInput } from '../../jobs/findings-worker';
import { requireAnalysable } from '../analysis-guard';
import type { HandlerGroup } from '../handler';

export const findingHandlers: HandlerGroup<'findings.start' | 'findings.list' | 'findings.flowIds' | 'findings.detectors'> = {
  'findings.start': ({ thresholds, kinds }, s) => {
    const c = requireAnalysable(s, 'findings');
    // Bad threshold names fail here, as a bad_input answer, rather than as a failed job.
    resolveThresholds(thresholds, kinds);
    const input: FindingsJobInput = { casePath: c.path, thresholds, kinds, nativeBinding: s.opts.nativeBinding };
    return { jobId: s.jobs.start('findings', 'findings-worker', input).jobId };
  },
  'findings.list': (_input, s) => listFindings(s.requireCase().db),
  'findings.flowIds': ({ id }, s) => {
    const ids = findingFlowIds(s.requireCase().db, id);
    if (!ids) throw new ApiError('not_found', `no finding ${id}`);
    return { ids };
  },
  'findings.detectors': () => detectorInfo(),
};
