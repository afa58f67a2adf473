import { describe, expect, it } from 'vitest';
import { LINEAR_REGRESSION_LOSS } from './losses';
import { createProblem } from './problem';
import { batchValue } from './sampleLoss';
import { SvrgState, svrgPeriod } from './svrg';
import { noisyLine, regressionData } from './testData';

// ℓ_i(w, b) = (w·x_i + b − y_i)², ∇ℓ_i = 2·r_i·(x_i, 1) with the residual r_i = w·x_i + b − y_i.
const data = regressionData([1, 2, -1], [2, 1, 0]);

describe('SVRG (Johnson & Zhang 2013, Procedure SVRG, option I)', () => {
  it('three steps by hand with m = 2, α = 0.5: snapshots at steps 0 and 2', () => {
    const p = createProblem(LINEAR_REGRESSION_LOSS, data, 'f64');
    const svrg = new SvrgState(2);
    const theta = Float64Array.of(0, 0);
    // Step 0, snapshot θ̃ = (0, 0): r = (−2, −1, 0), ∇ℓ = (−4, −4), (−4, −2), (0, 0),
    // μ = (−8/3, −2). Pick i = 1: ∇ℓ_1(θ) − ∇ℓ_1(θ̃) = 0, θ = −0.5·μ = (4/3, 1).
    svrg.step(p, 0, [1], 1, theta, 0.5);
    expect(Array.from(svrg.mu)).toEqual([-8 / 3, -2]);
    expect(theta[0]).toBeCloseTo(4 / 3, 15);
    expect(theta[1]).toBeCloseTo(1, 15);
    // Step 1, no snapshot: i = 0, r = 4/3 + 1 − 2 = 1/3, ∇ℓ_0(θ) = (2/3, 2/3), ∇ℓ_0(θ̃) = (−4, −4);
    // v = (14/3, 14/3) + μ = (2, 8/3); θ = (4/3 − 1, 1 − 4/3) = (1/3, −1/3).
    svrg.step(p, 1, [0], 1, theta, 0.5);
    expect(Array.from(svrg.snapshot)).toEqual([0, 0]);
    expect(theta[0]).toBeCloseTo(1 / 3, 15);
    expect(theta[1]).toBeCloseTo(-1 / 3, 15);
    // Step 2, snapshot θ̃ = (1/3, −1/3): r = (−2, −2/3, −2/3), ∇ℓ = (−4, −4), (−8/3, −4/3),
    // (4/3, −4/3); μ = (−16/9, −20/9). i = 2: difference 0, θ = θ̃ − 0.5·μ = (11/9, 7/9).
    svrg.step(p, 2, [2], 1, theta, 0.5);
    expect(svrg.mu[0]).toBeCloseTo(-16 / 9, 14);
    expect(svrg.mu[1]).toBeCloseTo(-20 / 9, 14);
    expect(theta[0]).toBeCloseTo(11 / 9, 14);
    expect(theta[1]).toBeCloseTo(7 / 9, 14);
  });

  it('a mini-batch averages the differences ∇ℓ_i(θ) − ∇ℓ_i(θ̃)', () => {
    const p = createProblem(LINEAR_REGRESSION_LOSS, data, 'f64');
    const svrg = new SvrgState(2);
    const theta = Float64Array.of(0, 0);
    svrg.step(p, 0, [1], 1, theta, 0.5); // θ = (4/3, 1) as above
    // Batch {0, 1} at θ = (4/3, 1), θ̃ = 0: difference_0 = (14/3, 14/3) (above);
    // ∇ℓ_1(θ): r = 8/3 + 1 − 1 = 8/3 → (32/3, 16/3), minus ∇ℓ_1(θ̃) = (−4, −2) → (44/3, 22/3).
    // Mean (29/3, 6); v = mean + μ = (7, 4); θ = (4/3 − 3.5, 1 − 2) = (−13/6, −1).
    svrg.step(p, 1, [0, 1], 2, theta, 0.5);
    expect(theta[0]).toBeCloseTo(-13 / 6, 14);
    expect(theta[1]).toBeCloseTo(-1, 14);
  });

  it('a snapshot reusing the full gradient the race computed equals a fresh pass, bit for bit (f32)', () => {
    const big = noisyLine(700, 4);
    const p = createProblem(LINEAR_REGRESSION_LOSS, big, 'f32');
    const a = new SvrgState(5);
    const b = new SvrgState(5);
    const ta = Float64Array.of(Math.fround(-1.5), Math.fround(2));
    a.takeSnapshot(p, ta);
    const full = new Float64Array(3);
    batchValue(p.loss, p.dataset, 'full', ta, 'f32', full);
    b.takeSnapshot(p, ta, full);
    expect(Array.from(b.mu)).toEqual(Array.from(a.mu));
    for (const v of a.mu) expect(Math.fround(v)).toBe(v);
  });

  it('period: m = 0 means 2n (the paper\'s choice); other values must be integers ≥ 1', () => {
    expect(svrgPeriod(0, 50)).toBe(100);
    expect(svrgPeriod(undefined, 50)).toBe(100);
    expect(svrgPeriod(7, 50)).toBe(7);
    expect(() => svrgPeriod(2.5, 50)).toThrow(/2\.5/);
    const s = new SvrgState(3);
    expect([0, 1, 2, 3, 4, 5, 6].map((k) => s.isSnapshotStep(k))).toEqual([true, false, false, true, false, false, true]);
  });
});
