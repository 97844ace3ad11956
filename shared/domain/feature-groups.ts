import { fieldDefs, type FieldGroup } from '../fields';

/**
 * Model features, in groups the training view toggles: every registry field
 * marked `feature` (numeric and meaningful across captures), grouped as the
 * registry groups them, plus the first packets' signed sizes and gaps taken
 * apart from the `sequence` fields, which classifiers of user actions in
 * encrypted traffic lean on (Conti et al., 2016).
 */
export type FeatureGroupId = Exclude<FieldGroup, 'identity' | 'endpoints' | 'application' | 'labels'> | 'sequence';

export interface FeatureGroup {
  id: FeatureGroupId;
  label: string;
  description: string;
  features: readonly string[];
}

/** How many of the first packets' sizes and gaps become features (the engine records up to 20). */
export const SEQUENCE_FEATURES = 10;

const describe: Record<FeatureGroupId, [string, string]> = {
  time: ['Duration', 'How long the flow lasted'],
  volume: ['Volume', 'Packets and bytes in both directions'],
  direction: ['Direction', 'Packets and bytes per direction'],
  lifecycle: ['Lifecycle', 'ICMP errors about the flow'],
  'tcp-analysis': ['TCP analysis', "Wireshark's TCP analysis per flow and direction: retransmissions, duplicate ACKs, zero windows, resets…"],
  'packet-stats': ['Packet statistics', 'Length and inter-arrival time min/max/mean/std per direction'],
  cicflowmeter: ['CICFlowMeter', 'CICFlowMeter (CIC-IDS2017) features: payload, flags, rates, bulk, active/idle'],
  sequence: ['First packets', `Signed sizes and gaps (µs) of the first ${SEQUENCE_FEATURES} packets`],
};

/** `first_sizes_1` … and `first_iats_1` …: the n-th entry of the registry's sequence fields. */
export function sequenceFeatureNames(): string[] {
  const out: string[] = [];
  for (let i = 1; i <= SEQUENCE_FEATURES; i++) out.push(`first_sizes_${i}`);
  for (let i = 1; i <= SEQUENCE_FEATURES; i++) out.push(`first_iats_${i}`);
  return out;
}

function buildGroups(): FeatureGroup[] {
  const byGroup = new Map<FeatureGroupId, string[]>();
  for (const f of fieldDefs) {
    if (!f.feature) continue;
    const id = f.group as FeatureGroupId;
    if (!byGroup.has(id)) byGroup.set(id, []);
    byGroup.get(id)!.push(f.name);
  }
  byGroup.set('sequence', sequenceFeatureNames());
  return [...byGroup.entries()].map(([id, features]) => ({ id, label: describe[id][0], description: describe[id][1], features }));
}

export const featureGroups: readonly FeatureGroup[] = buildGroups();

export const featureGroupIds = featureGroups.map((g) => g.id) as [FeatureGroupId, ...FeatureGroupId[]];

/** The features of the chosen groups, in registry order (the model's feature schema). */
export function featuresOf(groups: readonly FeatureGroupId[]): string[] {
  const want = new Set(groups);
  return featureGroups.filter((g) => want.has(g.id)).flatMap((g) => g.features);
}

const sequencePattern = /^(first_sizes|first_iats)_([1-9][0-9]?)$/;

/** A sequence feature's source field and 0-based position, or null for a plain registry field. */
export function sequenceFeature(name: string): { field: 'first_sizes' | 'first_iats'; index: number } | null {
  const m = sequencePattern.exec(name);
  if (!m) return null;
  const index = Number(m[2]) - 1;
  return index < SEQUENCE_FEATURES ? { field: m[1] as 'first_sizes' | 'first_iats', index } : null;
}

/** Whether this Flowsight can compute a feature a model asks for. */
export function isKnownFeature(name: string): boolean {
  return sequenceFeature(name) !== null || fieldDefs.some((f) => f.feature && f.name === name);
}
