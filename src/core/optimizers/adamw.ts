import type { OptimizerDef } from './types';
import { adamHyper, adamInit, adamUpdate } from './adam';
import { adamwStepBatch } from './adamBatch';
import { noDerived } from './specs';

/**
 * torch.optim.AdamW: decoupled weight decay θ ← θ − γλθ first, then Adam's update without
 * adding λθ to the gradient. torch's default λ = 1e-2.
 */
export const adamw: OptimizerDef = {
  id: 'adamw',
  name: 'AdamW',
  hyper: adamHyper(1e-2),
  derived: [],
  derive: noDerived,
  slots: ['exp_avg', 'exp_avg_sq', 'max_exp_avg_sq'],
  scalars: ['beta1_pow', 'beta2_pow'],
  init: adamInit,
  step(c) {
    const { theta, lr, h, r } = c;
    const lrWd = r(lr * h.weight_decay);
    for (let i = 0; i < 2; i++) theta[i] = r(theta[i] - r(lrWd * theta[i]));
    adamUpdate(c, false);
  },
  stepBatch: adamwStepBatch,
};
