import type { OptimizerDef } from './types';
import { lrSpec, noDerived, rateSpec, weightDecaySpec, zeroInit } from './specs';

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"; not in torch.optim):
 * c = β1 m + (1 − β1) g; θ ← θ − γ(sign(c) + λθ) (decoupled decay, sign(0) = 0);
 * m ← β2 m + (1 − β2) g. Every coordinate moves by exactly ±γ (plus decay): a sign method.
 */
export const lion: OptimizerDef = {
  id: 'lion',
  name: 'Lion',
  hyper: [lrSpec(1e-4), rateSpec('beta1', '\\beta_1', 0.9), rateSpec('beta2', '\\beta_2', 0.99), weightDecaySpec()],
  derived: [],
  derive: noDerived,
  slots: ['exp_avg'],
  scalars: [],
  init: zeroInit,
  step({ theta, g, state: s, lr, h, r }) {
    const b1 = h.beta1;
    const b2 = h.beta2;
    const wd = h.weight_decay;
    for (let i = 0; i < 2; i++) {
      const gi = g[i];
      const c = r(r(b1 * s[i]) + r(r(1 - b1) * gi));
      // Math.sign(-0) is -0; adding r(wd·θ) makes it +0 or the decay term, as in WGSL.
      const upd = r(Math.sign(c) + r(wd * theta[i]));
      theta[i] = r(theta[i] - r(lr * upd));
      s[i] = r(r(b2 * s[i]) + r(r(1 - b2) * gi));
    }
  },
};
