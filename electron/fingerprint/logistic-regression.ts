/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS) on
 * standardised features. Deterministic, a handful of iterations for a few
 * dozen features, and its weights can be read: each says how far one standard
 * deviation of a feature moves the log-odds towards class 1.
 */
export interface LogisticModel {
  kind: 'logistic-regression';
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export interface FitOptions {
  /** Penalty on the weights (not the bias), per sample: loss = mean log-loss + l2/2 · |w|². */
  l2: number;
  maxIterations?: number;
}

export function fitLogistic(x: readonly Float64Array[], y: readonly number[], opts: FitOptions): LogisticModel {
  const n = x.length;
  const d = x[0]?.length ?? 0;
  if (n === 0) throw new Error('no training rows');
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const row of x) for (let j = 0; j < d; j++) mean[j] += row[j] / n;
  for (const row of x) for (let j = 0; j < d; j++) scale[j] += (row[j] - mean[j]) ** 2 / n;
  // A constant feature carries nothing; scale 1 keeps it at zero instead of dividing by zero.
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]) || 1;

  // Parameters: [bias, w_1..w_d] over [1, z_1..z_d].
  const k = d + 1;
  const theta = new Float64Array(k);
  const z = new Float64Array(k);
  z[0] = 1;
  const maxIterations = opts.maxIterations ?? 50;
  for (let iter = 0; iter < maxIterations; iter++) {
    const grad = new Float64Array(k);
    const hess = new Float64Array(k * k);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) z[j + 1] = (x[i][j] - mean[j]) / scale[j];
      let t = 0;
      for (let j = 0; j < k; j++) t += theta[j] * z[j];
      const p = sigmoid(t);
      const r = p - y[i];
      const w = Math.max(p * (1 - p), 1e-12);
      for (let a = 0; a < k; a++) {
        grad[a] += (r * z[a]) / n;
        const wa = (w * z[a]) / n;
        for (let b = a; b < k; b++) hess[a * k + b] += wa * z[b];
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) hess[a * k + b] = hess[b * k + a];
    for (let a = 1; a < k; a++) {
      grad[a] += opts.l2 * theta[a];
      hess[a * k + a] += opts.l2;
    }
    // A tiny ridge on the bias too, so separable data with l2 = 0 still gives a solvable system.
    hess[0] += 1e-9;
    const step = solve(hess, grad, k);
    let size = 0;
    for (let j = 0; j < k; j++) {
      theta[j] -= step[j];
      size = Math.max(size, Math.abs(step[j]));
    }
    if (size < 1e-8) break;
  }
  return { kind: 'logistic-regression', mean, scale, weights: Array.from(theta.subarray(1)), bias: theta[0] };
}

/** P(class 1) for one feature row. */
export function predictLogistic(m: LogisticModel, row: Float64Array): number {
  let t = m.bias;
  for (let j = 0; j < m.weights.length; j++) t += (m.weights[j] * (row[j] - m.mean[j])) / m.scale[j];
  return sigmoid(t);
}

function sigmoid(t: number): number {
  return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
}

/** Gaussian elimination with partial pivoting on a k×k system (k is small). */
function solve(a: Float64Array, b: Float64Array, k: number): Float64Array {
  const m = Float64Array.from(a);
  const v = Float64Array.from(b);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(m[r * k + c]) > Math.abs(m[p * k + c])) p = r;
    if (p !== c) {
      for (let j = 0; j < k; j++) [m[c * k + j], m[p * k + j]] = [m[p * k + j], m[c * k + j]];
      [v[c], v[p]] = [v[p], v[c]];
    }
    const pivot = m[c * k + c] || 1e-12;
    for (let r = c + 1; r < k; r++) {
      const f = m[r * k + c] / pivot;
      if (f === 0) continue;
      for (let j = c; j < k; j++) m[r * k + j] -= f * m[c * k + j];
      v[r] -= f * v[c];
    }
  }
  const out = new Float64Array(k);
  for (let r = k - 1; r >= 0; r--) {
    let s = v[r];
    for (let j = r + 1; j < k; j++) s -= m[r * k + j] * out[j];
    out[r] = s / (m[r * k + r] || 1e-12);
  }
  return out;
}
