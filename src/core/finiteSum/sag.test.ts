import { describe, expect, it } from 'vitest';
import { LINEAR_REGRESSION_LOSS } from './losses';
import { createProblem } from './problem';
import { SagState, sagMemoryBytes } from './sag';
import { regressionData } from './testData';

// ℓ_i(w, b) = (w·x_i + b − y_i)², ∇ℓ_i = 2·r_i·(x_i, 1) with the residual r_i = w·x_i + b − y_i.
const data = regressionData([1, 2, -1], [2, 1, 0]);

describe('SAG (Schmidt, Le Roux & Bach 2017, Algorithm 1 with the §4.2 re-weighting by m)', () => {
  it('four single-sample steps by hand: picks 0, 2, 0, 1 with α = 0.5 from θ = (0, 0)', () => {
    const p = createProblem(LINEAR_REGRESSION_LOSS, data, 'f64');
    const sag = new SagState(3);
    const theta = Float64Array.of(0, 0);
    const step = (i: number): void => sag.step(p, [i], 1, theta, 0.5);
    // 1. i = 0: r = 0 + 0 − 2 = −2, ∇ = (−4, −4); d = (−4, −4), m = 1; θ = 0 − 0.5·d = (2, 2).
    step(0);
    expect(Array.from(theta)).toEqual([2, 2]);
    // 2. i = 2: r = 2·(−1) + 2 − 0 = 0, ∇ = (0, 0); d = (−4, −4), m = 2; θ = (2, 2) − 0.25·d = (3, 3).
    step(2);
    expect(Array.from(theta)).toEqual([3, 3]);
    expect(sag.m).toBe(2);
    // 3. i = 0 again: r = 3 + 3 − 2 = 4, ∇ = (8, 8); d = d − y_0 + ∇ = (−4, −4) − (−4, −4) + (8, 8)
    //    = (8, 8); m stays 2 (sample 0 was seen); θ = (3, 3) − 0.25·(8, 8) = (1, 1).
    step(0);
    expect(Array.from(theta)).toEqual([1, 1]);
    expect(sag.m).toBe(2);
    // 4. i = 1: r = 2 + 1 − 1 = 2, ∇ = (8, 4); d = (16, 12), m = 3; θ = (1, 1) − (0.5/3)·(16, 12)
    //    = (1 − 8/3, 1 − 2) = (−5/3, −1).
    step(1);
    expect(theta[0]).toBeCloseTo(-5 / 3, 15);
    expect(theta[1]).toBeCloseTo(-1, 15);
    expect(Array.from(sag.d)).toEqual([16, 12]);
    // The table holds each sample's last gradient: y_0 = (8, 8), y_1 = (8, 4), y_2 = (0, 0)
    // (the formula's 2·r·x gives −0 there; + 0 turns it into the 0 the arithmetic means).
    expect(Array.from(sag.table, (v) => v + 0)).toEqual([8, 8, 8, 4, 0, 0]);
  });

  it('a mini-batch updates its B entries at the same θ, then moves once', () => {
    const p = createProblem(LINEAR_REGRESSION_LOSS, data, 'f64');
    const sag = new SagState(3);
    const theta = Float64Array.of(0, 0);
    // Batch {0, 2} at θ = 0: ∇_0 = (−4, −4), ∇_2 = (0, 0) (r_2 = 0); d = (−4, −4), m = 2;
    // θ = −(0.5/2)·d = (1, 1).
    sag.step(p, [0, 2], 2, theta, 0.5);
    expect(Array.from(theta)).toEqual([1, 1]);
    // Batch {1, 0} at θ = (1, 1): ∇_1: r = 2 + 1 − 1 = 2 → (8, 4); ∇_0: r = 1 + 1 − 2 = 0 → (0, 0).
    // d = (−4, −4) + (8, 4) − (−4, −4) + (0, 0) = (8, 4), m = 3; θ = (1, 1) − (0.5/3)·(8, 4)
    // = (−1/3, 1/3).
    sag.step(p, [1, 0], 2, theta, 0.5);
    expect(theta[0]).toBeCloseTo(-1 / 3, 15);
    expect(theta[1]).toBeCloseTo(1 / 3, 15);
    sag.reset();
    expect([sag.m, ...sag.d, ...sag.table]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('f32: the same steps stay f32 values (exact where the hand values are)', () => {
    const p = createProblem(LINEAR_REGRESSION_LOSS, data, 'f32');
    const sag = new SagState(3);
    const theta = Float64Array.of(0, 0);
    for (const i of [0, 2, 0]) sag.step(p, [i], 1, theta, 0.5);
    expect(Array.from(theta)).toEqual([1, 1]);
    sag.step(p, [1], 1, theta, 0.5);
    // θ_x = r(1 − r(0.5 · r(16 · r(1/3)))): f32 arithmetic, not the f64 value −5/3.
    const r = Math.fround;
    expect(theta[0]).toBe(r(1 - r(0.5 * r(16 * r(1 / 3)))));
    expect(theta[0]).not.toBe(-5 / 3);
  });

  it('memory: the table is 2 values per sample, 8 or 4 bytes each', () => {
    expect(sagMemoryBytes(1000, 'f64')).toBe(new SagState(1000).table.byteLength);
    expect(sagMemoryBytes(1_000_000, 'f32')).toBe(8_000_000);
  });
});
