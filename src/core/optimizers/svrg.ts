import type { OptimizerDef } from './types';
import { lrSpec, noDerived, zeroInit } from './specs';

/**
 * SVRG, stochastic variance-reduced gradient (Johnson & Zhang 2013): every m steps it takes a
 * snapshot θ̃ with its full gradient μ, and each step moves along ∇f_i(θ) − ∇f_i(θ̃) + μ
 * (src/core/finiteSum/svrg.ts runs it on dataset objectives; m = 0 means 2n, the paper's
 * choice). On a surface — a sum of one term — that direction is the gradient itself, so this
 * `step` is gradient descent θ ← θ − α·g, and so is its WGSL twin.
 */
export const svrg: OptimizerDef = {
  id: 'svrg',
  name: 'SVRG',
  hyper: [lrSpec(0.01, '\\alpha'), { name: 'm', symbol: 'm', default: 0, min: 0, max: 1_000_000, scale: 'linear', kind: 'int' }],
  derived: [],
  derive: noDerived,
  slots: [],
  scalars: [],
  init: zeroInit,
  needsData: true,
  step({ theta, g, lr, r }) {
    for (let i = 0; i < 2; i++) theta[i] = r(theta[i] - r(lr * g[i]));
  },
};
