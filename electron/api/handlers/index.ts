import type { Handlers } from '../handler';
import { annotationHandlers } from './annotations';
import { appHandlers } from './app';
import { auditHandlers } from './audit';
import { captureHandlers } from './capture';
import { caseHandlers } from './cases';
import { evidenceHandlers } from './evidence';
import { flowHandlers } from './flows';
import { flowLogHandlers } from './flow-logs';
import { hostHandlers } from './hosts';
import { exportHandlers } from './exports';
import { jobHandlers } from './jobs';
import { labelHandlers } from './labels';
import { modelHandlers } from './models';
import { sessionHandlers } from './sessions';
import { statsHandlers } from './stats';
import { uiHandlers } from './ui';
import { findingHandlers } from './findings';
import { anomalyHandlers } from './anomalies';

/** Every contract call's handler; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...caseHandlers,
  ...evidenceHandlers,
  ...jobHandlers,
  ...flowHandlers,
  ...exportHandlers,
  ...statsHandlers,
  ...uiHandlers,
  ...captureHandlers,
  ...auditHandlers,
  ...annotationHandlers,
  ...labelHandlers,
  ...modelHandlers,
  ...findingHandlers,
  ...anomalyHandlers,
  ...sessionHandlers,
  ...hostHandlers,
  ...flowLogHandlers,
};
