import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindObjective, OBJECTIVES } from '../objectives';
import type { ObjectiveId } from '../objectives';
import { compileFormula } from './compile';
import { finiteOnBox, lossLowerBoundOnBox } from './range';

const tapeOf = (source: string, params: string[] = []) => compileFormula(source, { params }).tape;

describe('finiteOnBox', () => {
  it('proves polynomials of moderate degree finite within the default bound, not beyond', () => {
    expect(finiteOnBox(tapeOf('(1 - x)^2 + 100*(y - x^2)^2'), [], 1e6)).toBe(true);
    expect(finiteOnBox(tapeOf('(1 - x)^2 + 100*(y - x^2)^2'), [], 1e12)).toBe(false);
    expect(finiteOnBox(tapeOf('x^2 - y^2'), [], 1e6)).toBe(true);
    // Beale's (2.625 − x + x·y³)² reaches 1e48 at |x|, |y| = 1e6.
    expect(finiteOnBox(tapeOf('(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2'), [], 1e6)).toBe(false);
    expect(finiteOnBox(tapeOf('1e30*x^4 + y^2'), [], 1e300)).toBe(false);
  });
  it('answers false for operations it does not analyse, and for division by a variable', () => {
    for (const f of ['sqrt(x) + y^2', 'exp(x) + y', 'sin(x)*y', 'log(x^2 + 1)', 'x / y', 'x / (y^2 + 1)']) {
      expect(finiteOnBox(tapeOf(f), [], 10), f).toBe(false);
    }
  });
  it('divides by constants and parameters, not by a parameter that flushes to zero', () => {
    expect(finiteOnBox(tapeOf('x^6/3 + y^2/c', ['c']), [2], 100)).toBe(true);
    expect(finiteOnBox(tapeOf('y^2/c', ['c']), [1e-40], 100)).toBe(false);
    expect(finiteOnBox(tapeOf('abs(x) + max(x, y) - min(x, 2*y)'), [], 1e6)).toBe(true);
  });
  it('which built-in surfaces qualify at the default bound (1e6)', () => {
    const proven = OBJECTIVES.filter((d) => d.id !== 'custom').filter((d) => {
      const b = bindObjective(d.id as ObjectiveId);
      return finiteOnBox(compileFormula(b.formula.source, { params: [...b.formula.params] }).tape, b.paramValues, 1e6);
    }).map((d) => d.id);
    expect(proven).toEqual(expect.arrayContaining(['quadratic', 'rosenbrock', 'booth', 'himmelblau', 'saddle']));
    expect(proven).not.toContain('beale');
    expect(proven).not.toContain('ackley');
  });
  it('bounds f from below: sums of squares are ≥ 0 (Rosenbrock keeps FINITE under the loss floor), the saddle is not', () => {
    const rosen = lossLowerBoundOnBox(tapeOf('(1 - x)^2 + 100*(y - x^2)^2'), [], 1e6)!;
    expect(rosen).toBeLessThanOrEqual(0);
    expect(rosen).toBeGreaterThan(-1e-30);
    expect(lossLowerBoundOnBox(tapeOf('x^2 - y^2'), [], 1e6)).toBeLessThanOrEqual(-1e12);
    expect(lossLowerBoundOnBox(tapeOf('sqrt(x)'), [], 10)).toBeNull();
  });
  it('soundness of the lower bound: float32 evaluation in the box is never below it', () => {
    const term = fc.tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }))
      .map(([k, i, j]) => `(${k.toPrecision(6)})*x^${i}*y^${j}`);
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.double({ min: 1, max: 1e4, noNaN: true }), fc.array(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), { minLength: 8, maxLength: 8 }), (terms, squared, bound, points) => {
        const src = squared ? `(${terms.join(' + ')})^2 - 1` : terms.join(' + ');
        const formula = compileFormula(src);
        const low = lossLowerBoundOnBox(formula.tape, [], bound);
        if (low === null) return;
        const out = new Float64Array(3);
        for (const [u, v] of [...points, [1, 1], [-1, 1], [1, -1], [-1, -1], [0, 0]]) {
          formula.evaluate32(Math.fround(u * bound), Math.fround(v * bound), [], out);
          expect(out[0], `${src} at (${u * bound}, ${v * bound})`).toBeGreaterThanOrEqual(low);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('soundness: wherever it says finite, float32 evaluation anywhere in the box is finite', () => {
    // Random products and sums of x, y and constants, with degrees and coefficients that land
    // on both sides of the limit.
    const term = fc.tuple(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }))
      .map(([k, i, j]) => `(${k.toPrecision(6)})*x^${i}*y^${j}`);
    let proven = 0;
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 4 }), fc.double({ min: 1, max: 1e8, noNaN: true }), fc.array(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), { minLength: 8, maxLength: 8 }), (terms, bound, points) => {
        const formula = compileFormula(terms.join(' + '));
        if (!finiteOnBox(formula.tape, [], bound)) return;
        proven++;
        const out = new Float64Array(3);
        for (const [u, v] of [...points, [1, 1], [-1, 1], [1, -1], [-1, -1]]) {
          formula.evaluate32(Math.fround(u * bound), Math.fround(v * bound), [], out);
          expect(out.every(Number.isFinite), `${terms.join(' + ')} at (${u * bound}, ${v * bound})`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
    expect(proven, 'formulas proven finite (the property must not be vacuous)').toBeGreaterThan(40);
  });
});
