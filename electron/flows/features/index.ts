import type { AnyFlowFeature } from '../flow-feature';
import { activity } from './activity';
import { directionStats } from './direction-stats';
import { linkEndpoints } from './link-endpoints';
import { packetSequence } from './packet-sequence';

export interface FeatureOptions {
  /** Packets kept per flow for the first-packets sequence (default 20). */
  sequenceLength: number;
}

export const defaultFeatureOptions: FeatureOptions = { sequenceLength: 20 };

/**
 * The engine's feature plugins, in the order they run for each packet. A new
 * feature is a new file here plus one line in this list.
 */
export function defaultFeatures(opts: FeatureOptions = defaultFeatureOptions): AnyFlowFeature[] {
  return [linkEndpoints, directionStats, activity, packetSequence(opts.sequenceLength)];
}
