import type { AnyFlowFeature } from '../flow-feature';
import { linkEndpoints } from './link-endpoints';
import { tcpAnalysis } from './tcp-analysis';
import { connState } from './conn-state';

/**
 * The engine's feature plugins, in the order they run for each packet. A new
 * feature is a new file here plus one line in this list.
 */
export function defaultFeatures(): AnyFlowFeature[] {
  return [linkEndpoints, tcpAnalysis, connState];
}
