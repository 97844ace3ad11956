import type { DetectorInfo, FindingKind, Thresholds } from '../../../shared/domain/findings';
import { ApiError } from '../../../shared/contract/errors';
import { beaconing } from './beaconing';
import type { Detector } from './detector';
import { duplicateBurst } from './duplicate-burst';
import { horizontalScan } from './horizontal-scan';
import { retransmissionStorm } from './retransmission-storm';
import { rstStorm } from './rst-storm';
import { shortLivedBurst } from './short-lived-burst';
import { synFlood } from './syn-flood';
import { verticalScan } from './vertical-scan';

/** Every detector, in the order findings are listed when they start together. A new one is a new file and a line here. */
export const detectors: readonly Detector[] = [verticalScan, horizontalScan, synFlood, retransmissionStorm, duplicateBurst, rstStorm, shortLivedBurst, beaconing];

export function detectorInfo(): DetectorInfo[] {
  return detectors.map((d) => ({
    kind: d.kind,
    title: d.title,
    description: d.description,
    thresholds: Object.entries(d.thresholds).map(([name, t]) => ({ name, value: t.value, description: t.description })),
  }));
}

/** Each chosen detector's thresholds: defaults, overridden by name; an unknown name or a negative value is refused. */
export function resolveThresholds(overrides: Partial<Record<FindingKind, Thresholds>>, kinds?: FindingKind[]): Map<Detector, Record<string, number>> {
  const chosen = detectors.filter((d) => !kinds || kinds.includes(d.kind));
  const out = new Map<Detector, Record<string, number>>();
  for (const d of chosen) {
    const t = Object.fromEntries(Object.entries(d.thresholds).map(([k, v]) => [k, v.value]));
    for (const [k, v] of Object.entries(overrides[d.kind] ?? {})) {
      if (!(k in t)) throw new ApiError('bad_input', `${d.kind} has no threshold "${k}" (it has ${Object.keys(t).join(', ')})`);
      if (v < 0) throw new ApiError('bad_input', `${d.kind}.${k} must not be negative`);
      t[k] = v;
    }
    out.set(d, t);
  }
  for (const k of Object.keys(overrides)) {
    if (!detectors.some((d) => d.kind === k)) throw new ApiError('bad_input', `no detector "${k}"`);
  }
  return out;
}
