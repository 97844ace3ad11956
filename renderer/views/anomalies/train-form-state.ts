import { baseFeatures, type AnomalyParamsInput, type HostFeatureName } from '../../../shared/domain/anomaly';

/** The form as typed (text fields stay text until trained, so a half-typed number is not lost). */
export interface TrainForm {
  k: string;
  thresholdMode: 'sigma' | 'percentile';
  multiplier: string;
  percentile: string;
  scaling: 'standard' | 'robust';
  transform: 'log1p' | 'none';
  window: string;
  features: HostFeatureName[];
  baseline: string;
  seed: string;
}

export const initialForm: TrainForm = {
  k: '5',
  thresholdMode: 'sigma',
  multiplier: '3',
  percentile: '99',
  scaling: 'standard',
  transform: 'log1p',
  window: '',
  features: baseFeatures,
  baseline: '',
  seed: '42',
};

/** The form as call parameters, or the first problem with it. */
export function formParams(f: TrainForm): { params: AnomalyParamsInput } | { error: string } {
  const num = (text: string, name: string, ok: (n: number) => boolean, what: string): number | string => {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) && ok(n) ? n : `${name} must be ${what}`;
  };
  const k = num(f.k, 'k', (n) => Number.isInteger(n) && n >= 1 && n <= 50, 'a whole number from 1 to 50');
  const multiplier = num(f.multiplier, 'The multiplier', (n) => n >= 0 && n <= 100, 'from 0 to 100');
  const percentile = num(f.percentile, 'The percentile', (n) => n >= 50 && n <= 100, 'from 50 to 100');
  const window = f.window.trim() === '' ? null : num(f.window, 'The window', (n) => n > 0, 'a positive number of seconds (or empty)');
  const seed = num(f.seed, 'The seed', Number.isInteger, 'a whole number');
  for (const v of [k, multiplier, percentile, window, seed]) if (typeof v === 'string') return { error: v };
  if (f.features.length === 0) return { error: 'Choose at least one feature' };
  return {
    params: {
      k: k as number,
      thresholdMode: f.thresholdMode,
      multiplier: multiplier as number,
      percentile: percentile as number,
      scaling: f.scaling,
      transform: f.transform,
      window: window as number | null,
      features: f.features,
      baseline: f.baseline.trim() === '' ? null : f.baseline.trim(),
      seed: seed as number,
    },
  };
}
