import { describe, expect, it } from 'vitest';
import { getOptimizer, initState } from '../../core/optimizers';
import { buildSelection } from './selection';

const labels = { gradient: 'g', velocity: 'v', step: 's', effective: 'e' };

describe('buildSelection', () => {
  it('gives gradient descent a gradient arrow and a step arrow only', () => {
    const def = getOptimizer('gd');
    const sel = buildSelection({ id: 'r1', def, hyper: { lr: 0.1 }, state: new Float64Array(0), grad: [1, 2], step: [-0.1, -0.2] }, labels);
    expect(sel.arrows.map((a) => a.kind)).toEqual(['gradient', 'step']);
    expect(sel.boxes).toBeUndefined();
  });

  it('points the momentum arrow along the motion (against the averaged gradient)', () => {
    const def = getOptimizer('momentum_ema');
    const state = Float64Array.from([0.5, -0.25]);
    const sel = buildSelection({ id: 'r', def, hyper: { lr: 0.01, beta: 0.9 }, state, grad: [1, 0] }, labels);
    const v = sel.arrows.find((a) => a.kind === 'velocity')!;
    expect([v.dx, v.dy]).toEqual([-0.5, 0.25]);
  });

  it("shows Adam's bias-corrected per-coordinate effective step as a box", () => {
    const def = getOptimizer('adam');
    const h = { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0, amsgrad: 0 };
    const state = initState(def, h);
    // After one step with g = (2, −0.5): m = 0.1 g, v = 0.001 g², β1^1, β2^1.
    state[0] = 0.2;
    state[1] = -0.05;
    state[2] = 0.004;
    state[3] = 0.00025;
    state[6] = 0.9;
    state[7] = 0.999;
    const sel = buildSelection({ id: 'a', def, hyper: h, state, grad: [2, -0.5] }, labels);
    // At step 1 Adam's step is lr·sign(g) in every coordinate: a square of side lr.
    expect(sel.boxes!.w).toBeCloseTo(0.1, 6);
    expect(sel.boxes!.h).toBeCloseTo(0.1, 6);
  });
});
