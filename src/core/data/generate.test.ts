import { describe, expect, it } from 'vitest';
import {
  CLASS_ANGLE,
  CLASS_SEPARATION,
  OUTLIER_OFFSET_MIN,
  OUTLIER_OFFSET_SPAN,
  X2_SCALE,
  generateClassification,
  generateRegression,
  isOutlier,
  type ClassificationOptions,
  type RegressionOptions,
} from './generate';
import { linearFit, mean, std } from './stats';
import { MAX_SAMPLES, MIN_SAMPLES } from './types';

const REG: RegressionOptions = { n: 100_000, noise: 1, outliers: 0, standardize: false, seed: 7 };
const CLS: ClassificationOptions = { n: 20_000, overlap: 0, standardize: false, seed: 7 };

function differing(a: Float64Array, b: Float64Array): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) count++;
  return count;
}

describe('generateRegression', () => {
  it('is a pure function of the options: same seed, identical columns; other seed, different ones', () => {
    const a = generateRegression({ ...REG, n: 5000, outliers: 0.1 });
    const b = generateRegression({ ...REG, n: 5000, outliers: 0.1 });
    const c = generateRegression({ ...REG, n: 5000, outliers: 0.1, seed: 8 });
    expect(a.columns).toEqual(b.columns);
    expect(a.source).toEqual({ kind: 'generated', seed: 7 });
    expect(a.names).toEqual(['x', 'y']);
    expect(differing(a.columns[0], c.columns[0])).toBeGreaterThan(4990);
    expect(differing(a.columns[1], c.columns[1])).toBeGreaterThan(4990);
  });

  it('is prefix-stable: the first k samples do not depend on n', () => {
    const small = generateRegression({ ...REG, n: 50, outliers: 0.3 });
    const big = generateRegression({ ...REG, n: 3000, outliers: 0.3 });
    for (let c = 0; c < 2; c++) expect(big.columns[c].subarray(0, 50)).toEqual(small.columns[c]);
  });

  it('x ~ N(5, 3²) and y = 2x − 1 + N(0, noise²), within sampling bounds at n = 100,000', () => {
    // Standard errors: mean 3/√n ≈ 0.0095, std ≈ 3/√(2n) ≈ 0.0067, slope ≈ 1/(3√n) ≈ 0.0011,
    // intercept ≈ √(1 + 25/9)/√n ≈ 0.0061; every bound is over 4.5 standard errors.
    const d = generateRegression(REG);
    const [x, y] = d.columns;
    expect(Math.abs(mean(x) - 5)).toBeLessThan(0.05);
    expect(Math.abs(std(x) - 3)).toBeLessThan(0.05);
    const fit = linearFit(d);
    expect(Math.abs(fit.w - 2)).toBeLessThan(0.01);
    expect(Math.abs(fit.b + 1)).toBeLessThan(0.03);
    const residual = Float64Array.from(x, (xi, i) => y[i] - (2 * xi - 1));
    expect(Math.abs(std(residual) - 1)).toBeLessThan(0.02);
    expect(d.trueLine).toEqual({ w: 2, b: -1 });
  });

  it('noise 0 puts every sample on the line y = 2x − 1', () => {
    const [x, y] = generateRegression({ ...REG, n: 1000, noise: 0 }).columns;
    for (let i = 0; i < x.length; i++) expect(Math.abs(y[i] - (2 * x[i] - 1))).toBeLessThan(1e-12);
  });

  it('makes the stated fraction of outliers, each raised by 8–12 σ_y, and only those', () => {
    const options = { ...REG, outliers: 0.2 };
    const [x, y] = generateRegression(options).columns;
    const sigmaY = Math.hypot(2 * 3, 1);
    let count = 0;
    let misclassified = 0;
    let outOfRange = 0;
    for (let i = 0; i < x.length; i++) {
      const r = y[i] - (2 * x[i] - 1);
      const flagged = isOutlier(options.seed, options.outliers, i);
      // clean residuals are N(0, 1): |r| < 7 always at this n; shifted ones are ≥ 8·6.08 − 7
      if (r > 20 !== flagged) misclassified++;
      if (flagged) {
        count++;
        if (!(r > OUTLIER_OFFSET_MIN * sigmaY - 7 && r < (OUTLIER_OFFSET_MIN + OUTLIER_OFFSET_SPAN) * sigmaY + 7)) outOfRange++;
      }
    }
    expect(misclassified).toBe(0);
    expect(outOfRange).toBe(0);
    // binomial(1e5, 0.2): standard deviation 126.5 samples; 0.0063 is 5 of them
    expect(Math.abs(count / x.length - 0.2)).toBeLessThan(0.0063);
  });

  it('outliers pull the least-squares intercept up, by about fraction × mean offset', () => {
    const fit = linearFit(generateRegression({ ...REG, outliers: 0.1 }));
    const expected = -1 + 0.1 * 10 * Math.hypot(6, 1); // mean offset (8 + 4·½)·σ_y
    expect(Math.abs(fit.b - expected)).toBeLessThan(0.3);
  });

  it('standardize: x has mean 0 and std 1 to 1e-12, y is unchanged, and trueLine is the line in z', () => {
    const raw = generateRegression({ ...REG, n: 10_000, noise: 0 });
    const z = generateRegression({ ...REG, n: 10_000, noise: 0, standardize: true });
    expect(Math.abs(mean(z.columns[0]))).toBeLessThan(1e-12);
    expect(Math.abs(std(z.columns[0]) - 1)).toBeLessThan(1e-12);
    expect(z.columns[1]).toEqual(raw.columns[1]);
    const [x, y] = z.columns;
    let worst = 0;
    for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(y[i] - (z.trueLine.w * x[i] + z.trueLine.b)));
    expect(worst).toBeLessThan(1e-9);
    // w' = 2·std(x_raw) ≈ 6 and b' = 2·mean(x_raw) − 1 ≈ 9
    expect(z.trueLine.w).toBeCloseTo(2 * std(raw.columns[0]), 12);
    expect(z.trueLine.b).toBeCloseTo(2 * mean(raw.columns[0]) - 1, 12);
  });

  it('handles n = MAX_SAMPLES with finite values', () => {
    const d = generateRegression({ ...REG, n: MAX_SAMPLES, outliers: 0.5 });
    expect(d.columns[0].length).toBe(MAX_SAMPLES);
    expect(d.columns.every((c) => c.every(Number.isFinite))).toBe(true);
  });
});

describe('generateClassification', () => {
  it('is deterministic per seed and prefix-stable', () => {
    const a = generateClassification({ ...CLS, n: 4000, overlap: 0.4 });
    expect(generateClassification({ ...CLS, n: 4000, overlap: 0.4 }).columns).toEqual(a.columns);
    const other = generateClassification({ ...CLS, n: 4000, overlap: 0.4, seed: 99 });
    expect(differing(a.columns[0], other.columns[0])).toBeGreaterThan(3990);
    expect(differing(a.columns[2], other.columns[2])).toBeGreaterThan(1000); // labels flip in ~half the pairs
    const small = generateClassification({ ...CLS, n: 31, overlap: 0.4 });
    for (let c = 0; c < 3; c++) expect(a.columns[c].subarray(0, 31)).toEqual(small.columns[c]);
    expect(a.names).toEqual(['x1', 'x2', 'label']);
  });

  it('labels are 0/1, one of each in every pair (2k, 2k+1), in no fixed pattern', () => {
    for (const n of [10, 11, 999]) {
      const label = generateClassification({ ...CLS, n }).columns[2];
      const ones = label.reduce((s, l) => s + l, 0);
      expect(label.every((l) => l === 0 || l === 1)).toBe(true);
      expect(Math.abs(ones - n / 2)).toBeLessThanOrEqual(0.5);
      for (let k = 0; k + 1 < n; k += 2) expect(label[k] + label[k + 1]).toBe(1);
    }
    const label = generateClassification({ ...CLS, n: 1000 }).columns[2];
    const evenOnes = label.filter((l, i) => i % 2 === 0 && l === 1).length;
    expect(evenOnes).toBeGreaterThan(200); // not "label = i mod 2": flips by hash, ~250 of 500
    expect(evenOnes).toBeLessThan(300);
  });

  it('clouds are centred at ±3·(cos 30°, sin 30°), x2 scaled by 10, unit std otherwise', () => {
    const [x1, x2, label] = generateClassification(CLS).columns;
    for (const [l, sign] of [
      [1, 1],
      [0, -1],
    ]) {
      const a = x1.filter((_, i) => label[i] === l);
      const b = x2.filter((_, i) => label[i] === l);
      // 10,000 samples per class: standard error 0.01 for x1, 0.1 for x2 (scaled)
      expect(Math.abs(mean(a) - sign * 3 * Math.cos(Math.PI / 6))).toBeLessThan(0.05);
      expect(Math.abs(mean(b) - sign * 30 * Math.sin(Math.PI / 6))).toBeLessThan(0.5);
      expect(Math.abs(std(a) - 1)).toBeLessThan(0.05);
      expect(Math.abs(std(b) - 10)).toBeLessThan(0.5);
    }
  });

  /** Accuracy of the nearest empirical class mean (Bayes-optimal for these isotropic clouds). */
  function nearestMeanAccuracy(overlap: number): number {
    const [x1, x2raw, label] = generateClassification({ ...CLS, overlap }).columns;
    const x2 = x2raw.map((v) => v / X2_SCALE);
    const m = [0, 1].map((l) => [mean(x1.filter((_, i) => label[i] === l)), mean(x2.filter((_, i) => label[i] === l))]);
    let right = 0;
    for (let i = 0; i < x1.length; i++) {
      const d0 = (x1[i] - m[0][0]) ** 2 + (x2[i] - m[0][1]) ** 2;
      const d1 = (x1[i] - m[1][0]) ** 2 + (x2[i] - m[1][1]) ** 2;
      if ((d1 < d0 ? 1 : 0) === label[i]) right++;
    }
    return right / x1.length;
  }

  it('separability falls monotonically as overlap grows: ~99.9% at 0, chance at 1', () => {
    const acc = [0, 0.25, 0.5, 0.75, 1].map(nearestMeanAccuracy);
    for (let k = 1; k < acc.length; k++) expect(acc[k]).toBeLessThan(acc[k - 1]);
    expect(acc[0]).toBeGreaterThan(0.995); // Φ(3) = 0.99865
    expect(Math.abs(acc[4] - 0.5)).toBeLessThan(0.03); // same centre: only sampling noise
    expect(CLASS_SEPARATION * Math.cos(CLASS_ANGLE)).toBeCloseTo(3 * Math.cos(Math.PI / 6), 15);
  });

  it('standardize: x1 and x2 have mean 0 and std 1 to 1e-12, labels and centres follow', () => {
    const raw = generateClassification(CLS);
    const d = generateClassification({ ...CLS, standardize: true });
    for (const c of [0, 1]) {
      expect(Math.abs(mean(d.columns[c]))).toBeLessThan(1e-12);
      expect(Math.abs(std(d.columns[c]) - 1)).toBeLessThan(1e-12);
    }
    expect(d.columns[2]).toEqual(raw.columns[2]);
    const class1x1 = d.columns[0].filter((_, i) => d.columns[2][i] === 1);
    const class1x2 = d.columns[1].filter((_, i) => d.columns[2][i] === 1);
    expect(Math.abs(mean(class1x1) - d.centres[1][0])).toBeLessThan(0.05);
    expect(Math.abs(mean(class1x2) - d.centres[1][1])).toBeLessThan(0.05);
  });
});

describe('option validation', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['n too small', () => generateRegression({ ...REG, n: MIN_SAMPLES - 1 }), /generateRegression: n must be an integer in \[10, 1000000\], got 9/],
    ['n fractional', () => generateRegression({ ...REG, n: 10.5 }), /n must be an integer .* got 10.5/],
    ['n too large', () => generateClassification({ ...CLS, n: MAX_SAMPLES + 1 }), /generateClassification: n .* got 1000001/],
    ['noise negative', () => generateRegression({ ...REG, noise: -1 }), /noise must be a number in \[0, 100\], got -1/],
    ['noise NaN', () => generateRegression({ ...REG, noise: NaN }), /noise .* got NaN/],
    ['outliers > 0.5', () => generateRegression({ ...REG, outliers: 0.6 }), /outliers must be a number in \[0, 0.5\], got 0.6/],
    ['overlap > 1', () => generateClassification({ ...CLS, overlap: 1.1 }), /overlap must be a number in \[0, 1\], got 1.1/],
    ['seed negative', () => generateRegression({ ...REG, seed: -1 }), /seed must be an integer in \[0, 4294967295\], got -1/],
    ['seed 2^32', () => generateClassification({ ...CLS, seed: 2 ** 32 }), /seed .* got 4294967296/],
    ['standardize not boolean', () => generateRegression({ ...REG, standardize: 'yes' as unknown as boolean }), /standardize must be true or false, got "yes"/],
    ['n a string', () => generateRegression({ ...REG, n: '100' as unknown as number }), /n must be an integer .* got "100"/],
  ];
  it.each(cases)('%s', (_, call, message) => {
    expect(call).toThrow(message);
  });

  it('accepts the bounds', () => {
    expect(generateRegression({ ...REG, n: MIN_SAMPLES, noise: 100, outliers: 0.5, seed: 2 ** 32 - 1 }).n).toBe(MIN_SAMPLES);
    expect(generateClassification({ ...CLS, n: MIN_SAMPLES, overlap: 1, seed: 0 }).n).toBe(MIN_SAMPLES);
  });
});
