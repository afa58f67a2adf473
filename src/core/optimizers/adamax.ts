import type { OptimizerDef } from './types';
import { epsSpec, lrSpec, noDerived, rateSpec, weightDecaySpec } from './specs';

/**
 * torch.optim.Adamax: g ← g + λθ (if λ ≠ 0); m_t = β1 m + (1 − β1) g;
 * u_t = max(β2 u, |g| + ε); θ ← θ − γ m_t / ((1 − β1^t) u_t).
 * Slots: exp_avg (m), exp_inf (u); scalar β1^t.
 */
export const adamax: OptimizerDef = {
  id: 'adamax',
  name: 'Adamax',
  hyper: [
    lrSpec(2e-3),
    rateSpec('beta1', '\\beta_1', 0.9),
    rateSpec('beta2', '\\beta_2', 0.999),
    epsSpec(1e-8),
    weightDecaySpec(),
  ],
  derived: [],
  derive: noDerived,
  slots: ['exp_avg', 'exp_inf'],
  scalars: ['beta1_pow'],
  init(_h, state) {
    state.fill(0);
    state[4] = 1;
  },
  step({ theta, g, state: s, lr, h, r }) {
    const b1 = h.beta1;
    const b2 = h.beta2;
    const eps = h.eps;
    const wd = h.weight_decay;
    const b1p = r(s[4] * b1);
    s[4] = b1p;
    const bc1 = r(1 - b1p);
    for (let i = 0; i < 2; i++) {
      let gi = g[i];
      if (wd !== 0) gi = r(gi + r(wd * theta[i]));
      const m = r(r(b1 * s[i]) + r(r(1 - b1) * gi));
      const u = Math.max(r(b2 * s[2 + i]), r(Math.abs(gi) + eps));
      s[i] = m;
      s[2 + i] = u;
      theta[i] = r(theta[i] - r(r(lr * m) / r(bc1 * u)));
    }
  },
};
