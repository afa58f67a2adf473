/**
 * Dataset objectives: the surface view's quadratic is the mean per-sample loss exactly, the known
 * minimum is the least-squares line (normal equations), the logistic minimum is stationary under
 * the full-batch gradient, and the data follow the experiment's seed.
 */
import { describe, expect, it } from 'vitest';
import { linearFit } from '../data';
import { batchValue, compileSampleLoss, LINEAR_REGRESSION_LOSS, LOGISTIC_REGRESSION_LOSS } from '../finiteSum';
import { bindObjective, surfaceValue } from './index';

const full = (loss: typeof LINEAR_REGRESSION_LOSS, b: ReturnType<typeof bindObjective>, w: number, c: number) => {
  const out = new Float64Array(3);
  batchValue(compileSampleLoss(loss), b.dataset!, 'full', Float64Array.of(w, c), 'f64', out);
  return out;
};

describe('linear regression', () => {
  const b = bindObjective('linear_regression', { n: 500, noise: 1.5, outliers: 0.1, standardize: 0 }, undefined, 7);
  it('its surface is the mean squared error over the samples, exactly', () => {
    const value = surfaceValue(b);
    for (const [w, c] of [[0, 0], [2, -1], [-3, 11], [7.5, 2]]) {
      const f = full(LINEAR_REGRESSION_LOSS, b, w, c)[0];
      expect(Math.abs(value(w, c) - f)).toBeLessThanOrEqual(1e-9 * (1 + f));
    }
  });
  it('its minimum is the least-squares line, where the full gradient vanishes', () => {
    const fit = linearFit(b.dataset!);
    expect(b.minima).toHaveLength(1);
    expect(b.minima[0].x).toBeCloseTo(fit.w, 12);
    expect(b.minima[0].y).toBeCloseTo(fit.b, 12);
    const g = full(LINEAR_REGRESSION_LOSS, b, fit.w, fit.b);
    expect(Math.hypot(g[1], g[2])).toBeLessThan(1e-9);
    expect(Math.abs(g[0] - b.minima[0].value)).toBeLessThan(1e-9);
  });
  it('the data come from the seed: same seed, same samples; another seed, others', () => {
    const again = bindObjective('linear_regression', { n: 500, noise: 1.5, outliers: 0.1, standardize: 0 }, undefined, 7);
    const other = bindObjective('linear_regression', { n: 500, noise: 1.5, outliers: 0.1, standardize: 0 }, undefined, 8);
    expect(Array.from(again.dataset!.columns[1])).toEqual(Array.from(b.dataset!.columns[1]));
    expect(Array.from(other.dataset!.columns[1])).not.toEqual(Array.from(b.dataset!.columns[1]));
  });
});

describe('logistic regression', () => {
  it('the known minimum is stationary for the full-batch loss and below its neighbours', () => {
    const b = bindObjective('logistic_regression', { n: 400, overlap: 0.6, standardize: 1 }, undefined, 3);
    expect(b.minima).toHaveLength(1);
    const m = b.minima[0];
    const g = full(LOGISTIC_REGRESSION_LOSS, b, m.x, m.y);
    expect(Math.hypot(g[1], g[2])).toBeLessThan(1e-9);
    expect(Math.abs(g[0] - m.value)).toBeLessThan(1e-12);
    for (const [dx, dy] of [[0.05, 0], [0, 0.05], [-0.05, 0.02]]) expect(full(LOGISTIC_REGRESSION_LOSS, b, m.x + dx, m.y + dy)[0]).toBeGreaterThan(m.value);
  });
  it('the map is the mean loss over the samples (every sample when n ≤ 2,000)', () => {
    const b = bindObjective('logistic_regression', { n: 300, overlap: 0.4, standardize: 0 }, undefined, 5);
    const value = surfaceValue(b);
    for (const [w1, w2] of [[0, 0], [1, 0.1], [-2, 3]]) expect(value(w1, w2)).toBeCloseTo(full(LOGISTIC_REGRESSION_LOSS, b, w1, w2)[0], 12);
  });
  it('separable classes have no finite minimum: none is claimed', () => {
    const b = bindObjective('logistic_regression', { n: 20, overlap: 0, standardize: 1 }, undefined, 1);
    const [x1, x2, label] = b.dataset!.columns;
    // Separable along the centres' direction when every sample falls on its class's side.
    const dir = [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)];
    const separable = Array.from({ length: 20 }, (_, i) => (label[i] === 1 ? 1 : -1) * (dir[0] * x1[i] + dir[1] * x2[i]) > 0).every(Boolean);
    expect(separable).toBe(true);
    expect(b.minima).toEqual([]);
  });
});
