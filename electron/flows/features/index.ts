import { AppSignatures } from '../app-signatures';
import type { AnyFlowFeature } from '../flow-feature';
import type { NameMap } from '../name-map';
import { activity } from './activity';
import { appIdentity } from './app-identity';
import { appMetadata } from './app-metadata';
import { connState } from './conn-state';
import { directionStats } from './direction-stats';
import { endpointNames } from './endpoint-names';
import { linkEndpoints } from './link-endpoints';
import { packetSequence } from './packet-sequence';
import { tcpAnalysis } from './tcp-analysis';

export interface FeatureOptions {
  /** Packets kept per flow for the first-packets sequence (default 20). */
  sequenceLength: number;
}

export const defaultFeatureOptions: FeatureOptions = { sequenceLength: 20 };

/** Engine services the features share. */
export interface FeatureContext {
  names: NameMap;
  signatures: AppSignatures;
}

let signatures: AppSignatures | null = null;

export function defaultSignatures(): AppSignatures {
  signatures ??= AppSignatures.load();
  return signatures;
}

/**
 * The engine's feature plugins, in the order they run for each packet (and emit
 * their columns). A new feature is a new file here plus one line in this list;
 * endpoint names and app identity read what the others found, so they come last.
 */
export function defaultFeatures(ctx: FeatureContext, opts: FeatureOptions = defaultFeatureOptions): AnyFlowFeature[] {
  return [
    linkEndpoints,
    tcpAnalysis,
    connState,
    directionStats,
    activity,
    packetSequence(opts.sequenceLength),
    appMetadata({ onDnsAnswer: (address, name, ts) => ctx.names.add(address, name, 'dns', ts) }),
    endpointNames(ctx.names),
    appIdentity(ctx.signatures),
  ];
}
