import { ApiError } from '../../shared/contract/errors';
import type { FlowSelection } from './flow-selection';

/** A display filter's text as a flow selection (parsed and compiled here, in the main process). */
export function filterSelection(text: string): FlowSelection {
  if (!text.trim()) return {};
  throw new ApiError('unsupported', 'display filters are not available in this build');
}
