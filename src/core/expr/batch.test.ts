import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundF32Ftz } from '../f32';
import { bindObjective, OBJECTIVES } from '../objectives';
import type { ObjectiveId } from '../objectives/types';
import { createBatchEvaluator, evaluateBatch, roundF32FtzFast } from './batch';
import { compileFormula, type CompiledFormulaDetails } from './index';

/** Points that exercise rounding, overflow, NaN and subnormal flushes, then a lattice. */
function points(n: number): [Float64Array, Float64Array] {
  const special = [0, -0, 1e-30, -3e-39, 1e20, -7.5, 0.1, NaN, Infinity, 1e-20, 2.5, -1];
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    xs[j] = j < special.length ? special[j] : -3 + (6 * ((j * 7919) % n)) / n + 1e-3 * Math.sin(j);
    ys[j] = j < special.length ? special[(j + 5) % special.length] : -2 + (5 * ((j * 104729) % n)) / n;
  }
  return [xs, ys];
}

/** Bit-for-bit equality, NaN and the sign of zero included. */
function expectSameBits(actual: Float64Array, expected: Float64Array): void {
  for (let j = 0; j < expected.length; j++) {
    if (!Object.is(actual[j], expected[j])) expect({ j, value: actual[j] }).toEqual({ j, value: expected[j] });
  }
}

function compare(formula: CompiledFormulaDetails, params: ArrayLike<number>, precision: 'f32' | 'f64', n: number): void {
  const [xs, ys] = points(n);
  const f = new Float64Array(n), gx = new Float64Array(n), gy = new Float64Array(n);
  evaluateBatch(formula.tape, precision, xs, ys, params, f, gx, gy, n);
  const ef = new Float64Array(n), egx = new Float64Array(n), egy = new Float64Array(n);
  const out = new Float64Array(3);
  for (let j = 0; j < n; j++) {
    if (precision === 'f32') formula.evaluate32(xs[j], ys[j], params, out);
    else formula.evaluate(xs[j], ys[j], params, out);
    [ef[j], egx[j], egy[j]] = out;
  }
  expectSameBits(f, ef);
  expectSameBits(gx, egx);
  expectSameBits(gy, egy);
}

describe('evaluateBatch equals the per-point evaluator bit for bit', () => {
  for (const precision of ['f32', 'f64'] as const) {
    it(`every built-in objective (${precision})`, () => {
      for (const def of OBJECTIVES) {
        const bound = bindObjective(def.id as ObjectiveId);
        compare(bound.formula as CompiledFormulaDetails, bound.paramValues, precision, 300);
      }
    });

    it(`every opcode, incl. select, min/max and transcendental ones (${precision})`, () => {
      const f = compileFormula('max(x, y) - min(x*a, y) + abs(x)*sqrt(abs(y)) + sin(x)*cos(y) + tan(x/5) + exp(-y*y) + log(1 + x*x) + tanh(y) - x/y', { params: ['a'] });
      compare(f, [0.3], precision, 257);
    });
  }

  it('reuses one evaluator across calls with changing params and sizes', () => {
    const f = compileFormula('a*x*x + b*y', { params: ['a', 'b'] });
    const ev = createBatchEvaluator(f.tape, 'f32', 64);
    const [xs, ys] = points(64);
    const out = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];
    const one = new Float64Array(3);
    for (const [params, n] of [[[1, 2], 64], [[0.1, -3], 10], [[0.1, -3], 64]] as const) {
      ev.evaluate(xs, ys, params, out[0], out[1], out[2], n);
      for (let j = 0; j < n; j++) {
        f.evaluate32(xs[j], ys[j], params, one);
        expect([out[0][j], out[1][j], out[2][j]]).toEqual(Array.from(one));
      }
    }
    expect(() => ev.evaluate(xs, ys, [1, 2], out[0], out[1], out[2], 65)).toThrow(/capacity 64/);
  });
});

describe('roundF32FtzFast', () => {
  it('equals roundF32Ftz on zeros, subnormals, the normal boundary, infinities and NaN', () => {
    const min = 1.1754943508222875e-38;
    const cases = [0, -0, 1e-45, -1e-45, 8.7e-41, -8.7e-41, min, -min, min * (1 - 2 ** -30), -min * (1 - 2 ** -30), min * (1 - 2 ** -25), 3.4028235677973366e38, 3.5e38, -3.5e38, Infinity, -Infinity, NaN, 1 / 3];
    for (const v of cases) expect(Object.is(roundF32FtzFast(v), roundF32Ftz(v))).toBe(true);
  });

  it('equals roundF32Ftz on random doubles', () => {
    fc.assert(fc.property(fc.double(), (v) => Object.is(roundF32FtzFast(v), roundF32Ftz(v))), { numRuns: 2000 });
  });
});
