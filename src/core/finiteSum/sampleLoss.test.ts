import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { LINEAR_REGRESSION_LOSS, LOGISTIC_REGRESSION_LOSS } from './losses';
import { batchValue, compileSampleLoss, sampleColumns } from './sampleLoss';
import { blobs, noisyLine, regressionData } from './testData';
import { treeSum } from './treeSum';

const lin = compileSampleLoss(LINEAR_REGRESSION_LOSS);
const logit = compileSampleLoss(LOGISTIC_REGRESSION_LOSS);

describe('batchValue: batch means of a per-sample loss', () => {
  it('full batch of 3 regression samples, by hand', () => {
    // x = (1, 2, 3), y = (1, 3, 2), θ = (w, b) = (0.5, 0.25): residuals w·x + b − y =
    // (−0.25, −1.75, −0.25); ℓ = r² = (0.0625, 3.0625, 0.0625), mean 3.1875 / 3 = 1.0625;
    // ∂ℓ/∂w = 2·r·x = (−0.5, −7, −1.5), mean −3; ∂ℓ/∂b = 2·r = (−0.5, −3.5, −0.5), mean −1.5.
    const out = new Float64Array(3);
    batchValue(lin, regressionData([1, 2, 3], [1, 3, 2]), 'full', [0.5, 0.25], 'f64', out);
    expect(out[0]).toBeCloseTo(1.0625, 15);
    expect(out[1]).toBeCloseTo(-3, 15);
    expect(out[2]).toBeCloseTo(-1.5, 15);
  });

  it('a batch of indices (with a repeat) is the mean over exactly those samples', () => {
    // Samples 2, 0, 2 of the data above at θ = (0.5, 0.25): ℓ = (0.0625, 0.0625, 0.0625)
    // → mean 0.0625; ∂w = (−1.5, −0.5, −1.5) → −7/6; ∂b = (−0.5, −0.5, −0.5) → −0.5.
    const out = new Float64Array(3);
    batchValue(lin, regressionData([1, 2, 3], [1, 3, 2]), Uint32Array.of(2, 0, 2, 1), [0.5, 0.25], 'f64', out, 3);
    expect(out[0]).toBeCloseTo(0.0625, 15);
    expect(out[1]).toBeCloseTo(-7 / 6, 15);
    expect(out[2]).toBeCloseTo(-0.5, 15);
  });

  it('f32: data rounded to f32, sums in tree order, the mean as a multiply by r(1/count)', () => {
    const data = noisyLine(3 * 337, 7); // 1011 samples: four blocks of the tree, a count that 1/count does not divide evenly
    const rng = createRng(11);
    const cols = sampleColumns(lin, data, 'f32');
    for (const c of cols) for (const v of c) expect(Math.fround(v)).toBe(v);
    const e = new Float64Array(3);
    const out = new Float64Array(3);
    let multiplyDiffers = 0;
    for (let trial = 0; trial < 40; trial++) {
      const theta = [Math.fround(rng.range(-3, 3)), Math.fround(rng.range(-3, 3))];
      const gx = new Float64Array(data.n);
      for (let i = 0; i < data.n; i++) {
        lin.formula.evaluate32(theta[0], theta[1], [Math.fround(data.columns[0][i]), Math.fround(data.columns[1][i])], e);
        gx[i] = e[1];
      }
      const sum = treeSum(gx, data.n, Math.fround);
      batchValue(lin, data, 'full', theta, 'f32', out);
      expect(out[1]).toBe(Math.fround(sum * Math.fround(1 / data.n)));
      if (Math.fround(sum / data.n) !== out[1]) multiplyDiffers++;
    }
    // The multiply is observable: a correctly rounded division would give another f32 sometimes.
    expect(multiplyDiffers).toBeGreaterThan(0);
  });

  it('logistic loss: the signed label comes from the label column; gradient matches finite differences', () => {
    const data = blobs(200, 3);
    const out = new Float64Array(3);
    const at = (w1: number, w2: number): number => {
      batchValue(logit, data, 'full', [w1, w2], 'f64', out);
      return out[0];
    };
    const h = 1e-6;
    const [w1, w2] = [0.7, -0.4];
    const fdx = (at(w1 + h, w2) - at(w1 - h, w2)) / (2 * h);
    const fdy = (at(w1, w2 + h) - at(w1, w2 - h)) / (2 * h);
    batchValue(logit, data, 'full', [w1, w2], 'f64', out);
    expect(Math.abs(out[1] - fdx)).toBeLessThan(1e-8);
    expect(Math.abs(out[2] - fdy)).toBeLessThan(1e-8);
    // At θ = 0 every sample's loss is log 2, whatever its label.
    expect(at(0, 0)).toBeCloseTo(Math.LN2, 14);
    // A well-separating θ: the labels have signs (s = 2·label − 1), so w along (1, 0.5) beats −w.
    expect(at(1, 0.5)).toBeLessThan(at(-1, -0.5));
  });

  it('names the missing column', () => {
    const out = new Float64Array(3);
    expect(() => batchValue(logit, regressionData([1], [2]), 'full', [0, 0], 'f64', out)).toThrow(/'x1i' matches no column/);
    expect(() => batchValue(lin, regressionData([1], [2]), [], [0, 0], 'f64', out)).toThrow(/at least one sample/);
  });
});
