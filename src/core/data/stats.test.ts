import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { columnStats, linearFit, mean, std, zScore } from './stats';
import type { Dataset } from './types';

function regression(x: number[], y: number[]): Dataset {
  return { kind: 'regression', n: x.length, names: ['x', 'y'], columns: [Float64Array.from(x), Float64Array.from(y)], source: { kind: 'csv', name: 't' } };
}

describe('mean and std', () => {
  it('match hand-computed values (population std, divides by n)', () => {
    // mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; 5 / 4 = 1.25
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(std([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(std([7, 7, 7])).toBe(0);
  });

  it('stay accurate where a plain running sum drifts (1e6 copies of 0.1 plus an offset)', () => {
    const v = new Float64Array(1_000_000).fill(0.1);
    v[0] = 1e8; // a large first term makes every later 0.1 lose bits in a naive sum
    const exact = (1e8 + 0.1 * 999_999) / 1_000_000;
    expect(Math.abs(mean(v) - exact)).toBeLessThan(1e-12);
  });

  it('columnStats gives one entry per column', () => {
    const s = columnStats(regression([1, 3], [10, 20]));
    expect(s).toEqual([
      { mean: 2, std: 1 },
      { mean: 15, std: 5 },
    ]);
  });
});

describe('zScore', () => {
  it('gives mean 0 and std 1 to 1e-12, order and spacing kept', () => {
    const rng = createRng(3);
    const v = Float64Array.from({ length: 5000 }, () => 1000 + 50 * rng.normal());
    const z = zScore(v);
    expect(Math.abs(mean(z))).toBeLessThan(1e-12);
    expect(Math.abs(std(z) - 1)).toBeLessThan(1e-12);
    // an affine map: (v1 - v0) / (z1 - z0) is the same std for every pair
    const s = (v[1] - v[0]) / (z[1] - z[0]);
    expect((v[2] - v[0]) / (z[2] - z[0])).toBeCloseTo(s, 8);
  });

  it('refuses a constant column instead of returning NaN', () => {
    expect(() => zScore(new Float64Array(4).fill(2), 'x1')).toThrow(/x1 has no spread/);
  });
});

describe('linearFit', () => {
  it('recovers an exact line', () => {
    const x = [0, 1, 2, 5, -3];
    const fit = linearFit(regression(x, x.map((v) => 3 * v + 0.5)));
    expect(fit.w).toBeCloseTo(3, 12);
    expect(fit.b).toBeCloseTo(0.5, 12);
  });

  it('two points: the line through them', () => {
    const fit = linearFit(regression([1, 3], [2, 8]));
    expect(fit.w).toBeCloseTo(3, 12);
    expect(fit.b).toBeCloseTo(-1, 12);
  });

  it('satisfies the normal equations on noisy data: residuals sum to 0 and are orthogonal to x', () => {
    const rng = createRng(11);
    const x = Array.from({ length: 2000 }, () => 5 + 3 * rng.normal());
    const y = x.map((v) => -0.7 * v + 4 + 2 * rng.normal());
    const { w, b } = linearFit(regression(x, y));
    let sr = 0;
    let srx = 0;
    for (let i = 0; i < x.length; i++) {
      const r = y[i] - (w * x[i] + b);
      sr += r;
      srx += r * x[i];
    }
    expect(Math.abs(sr)).toBeLessThan(1e-9);
    expect(Math.abs(srx)).toBeLessThan(1e-8);
  });

  it('keeps its digits when x sits far from zero (x = 1e6 + i)', () => {
    // Σx² − (Σx)²/n would cancel ~12 of 16 digits here; the centred form does not.
    const x = Array.from({ length: 100 }, (_, i) => 1e6 + i);
    const fit = linearFit(regression(x, x.map((v) => 0.25 * (v - 1e6) + 7)));
    expect(fit.w).toBeCloseTo(0.25, 10);
    expect(fit.b).toBeCloseTo(7 - 0.25e6, 4);
  });

  it('refuses a constant x with a clear message, including equal values whose mean rounds', () => {
    expect(() => linearFit(regression(new Array(10).fill(0.1), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toThrow(/x is constant/);
    expect(() => linearFit(regression([0, 0, 0], [1, 2, 3]))).toThrow(/x is constant/);
    expect(() => linearFit(regression([4], [1]))).toThrow(/at least 2 samples/);
  });

  it('refuses a classification dataset', () => {
    const d: Dataset = { ...regression([0, 1], [0, 1]), kind: 'classification' };
    expect(() => linearFit(d)).toThrow(/regression dataset/);
  });
});
