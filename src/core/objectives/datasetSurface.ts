/**
 * What the surface view draws for logistic regression, whose full-batch loss has no closed form:
 * the mean per-sample loss over the data (over an evenly spaced subset of MAP_SAMPLES samples
 * when there are more: a 160 × 160 map over a million samples would take minutes; the loss
 * chart and the statuses always use every sample). And its minimum, by Newton's method.
 */
import type { Dataset } from '../data';

/** Samples the logistic map averages over at most. */
export const MAP_SAMPLES = 2000;

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** The logistic loss surface over (w1, w2); `sampled` tells whether it uses a subset. */
export function logisticSurface(d: Dataset): { value(w1: number, w2: number): number; sampled: number } {
  const [x1, x2, label] = d.columns;
  const take = Math.min(d.n, MAP_SAMPLES);
  const stride = d.n / take;
  const a = new Float64Array(take);
  const b = new Float64Array(take);
  for (let j = 0; j < take; j++) {
    const i = Math.floor(j * stride);
    const s = label[i] === 1 ? 1 : -1;
    a[j] = s * x1[i];
    b[j] = s * x2[i];
  }
  return {
    sampled: take,
    value(w1, w2) {
      let sum = 0;
      for (let j = 0; j < take; j++) sum += softplus(-(w1 * a[j] + w2 * b[j]));
      return sum / take;
    },
  };
}

/**
 * The minimiser of the mean logistic loss over all samples by Newton's method from (0, 0), or
 * null when there is none in reach (separable classes: the loss falls towards 0 as |w| grows).
 */
export function logisticOptimum(d: Dataset): { w1: number; w2: number; loss: number } | null {
  const [x1, x2, label] = d.columns;
  const n = d.n;
  let w1 = 0, w2 = 0;
  for (let iter = 0; iter < 60; iter++) {
    let g1 = 0, g2 = 0, h11 = 0, h12 = 0, h22 = 0;
    for (let i = 0; i < n; i++) {
      const s = label[i] === 1 ? 1 : -1;
      const z = s * (w1 * x1[i] + w2 * x2[i]);
      const p = 1 / (1 + Math.exp(z)); // σ(−z): the weight of a misfit sample
      g1 -= s * p * x1[i];
      g2 -= s * p * x2[i];
      const q = p * (1 - p);
      h11 += q * x1[i] * x1[i];
      h12 += q * x1[i] * x2[i];
      h22 += q * x2[i] * x2[i];
    }
    const det = h11 * h22 - h12 * h12;
    if (!(det > 0)) return null;
    const d1 = (h22 * g1 - h12 * g2) / det;
    const d2 = (h11 * g2 - h12 * g1) / det;
    w1 -= d1;
    w2 -= d2;
    if (!Number.isFinite(w1) || Math.hypot(w1, w2) > 1e3) return null;
    if (Math.hypot(d1, d2) <= 1e-12 * (1 + Math.hypot(w1, w2))) {
      let loss = 0;
      for (let i = 0; i < n; i++) loss += softplus(-(label[i] === 1 ? 1 : -1) * (w1 * x1[i] + w2 * x2[i]));
      return { w1, w2, loss: loss / n };
    }
  }
  return null;
}
