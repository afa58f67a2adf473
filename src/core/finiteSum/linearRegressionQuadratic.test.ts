import { describe, expect, it } from 'vitest';
import { compileFormula } from '../expr';
import { createRng } from '../rng';
import { regressionQuadratic } from './linearRegressionQuadratic';
import { LINEAR_REGRESSION_LOSS } from './losses';
import { batchValue, compileSampleLoss } from './sampleLoss';
import { noisyLine, regressionData } from './testData';

const lin = compileSampleLoss(LINEAR_REGRESSION_LOSS);
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('the MSE of linear regression as a quadratic', () => {
  const data = noisyLine(500, 21);
  const q = regressionQuadratic(data);

  it('the quadratic (both forms) equals the mean of the per-sample losses, value and gradient, to 1e-12', () => {
    const withParams = compileFormula(q.formula, { params: q.params });
    const literal = compileFormula(q.literalFormula);
    expect(literal.params).toEqual([]);
    const rng = createRng(5);
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    const c = new Float64Array(3);
    for (let t = 0; t < 50; t++) {
      const w = rng.range(-4, 4);
      const bias = rng.range(-4, 4);
      withParams.evaluate(w, bias, q.values, a);
      literal.evaluate(w, bias, [], b);
      batchValue(lin, data, 'full', [w, bias], 'f64', c);
      for (let k = 0; k < 3; k++) {
        expect(rel(a[k], c[k])).toBeLessThan(1e-12);
        expect(b[k]).toBe(a[k]); // String(v) round-trips, so the literal form is the same function
      }
    }
  });

  it('the optimum solves the normal equations (Cramer on raw sums) and the full gradient vanishes there', () => {
    // Normal equations of min Σ (w·x + b − y)²: [Σx² Σx; Σx n]·(w, b) = (Σxy, Σy).
    const [x, y] = data.columns;
    let sxx = 0, sx = 0, sxy = 0, sy = 0;
    for (let i = 0; i < data.n; i++) {
      sxx += x[i] * x[i];
      sx += x[i];
      sxy += x[i] * y[i];
      sy += y[i];
    }
    const det = sxx * data.n - sx * sx;
    const w = (sxy * data.n - sx * sy) / det;
    const b = (sxx * sy - sx * sxy) / det;
    expect(q.optimum).not.toBeNull();
    expect(rel(q.optimum!.w, w)).toBeLessThan(1e-12);
    expect(rel(q.optimum!.b, b)).toBeLessThan(1e-12);
    const out = new Float64Array(3);
    batchValue(lin, data, 'full', [q.optimum!.w, q.optimum!.b], 'f64', out);
    expect(Math.abs(out[1])).toBeLessThan(1e-10);
    expect(Math.abs(out[2])).toBeLessThan(1e-10);
    // And it is the data's line: slope 1.5 and intercept −0.5 up to the noise (0.3/√500 scale).
    expect(Math.abs(q.optimum!.w - 1.5)).toBeLessThan(0.1);
    expect(Math.abs(q.optimum!.b + 0.5)).toBeLessThan(0.1);
  });

  it('x with no spread has no unique optimum; a classification dataset is refused', () => {
    expect(regressionQuadratic(regressionData([2, 2, 2], [1, 2, 3])).optimum).toBeNull();
    expect(() => regressionQuadratic({ ...data, kind: 'classification' })).toThrow(/regression dataset/);
  });
});
