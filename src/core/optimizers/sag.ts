import type { OptimizerDef } from './types';
import { lrSpec, noDerived, zeroInit } from './specs';

/**
 * SAG, the stochastic average gradient (Schmidt, Le Roux & Bach 2017). It needs the samples of
 * a finite sum: each step it refreshes the stored gradient of the sampled terms and steps along
 * the average of all stored gradients (src/core/finiteSum/sag.ts runs it on dataset objectives).
 * On a surface — a sum of one term — the average is the gradient itself, so this `step` is
 * gradient descent θ ← θ − α·g, and so is its WGSL twin.
 */
export const sag: OptimizerDef = {
  id: 'sag',
  name: 'SAG',
  hyper: [lrSpec(0.01, '\\alpha')],
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
