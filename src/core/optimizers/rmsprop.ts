import type { OptimizerDef } from './types';
import { boolSpec, epsSpec, lrSpec, noDerived, rateSpec, weightDecaySpec, zeroInit } from './specs';

/**
 * torch.optim.RMSprop: g ← g + λθ (if λ ≠ 0); v_t = α v + (1 − α) g²; ṽ = v_t;
 * centered: ḡ_t = α ḡ + (1 − α) g, ṽ ← ṽ − ḡ_t²;
 * μ > 0: b_t = μ b + g / (√ṽ + ε), θ ← θ − γ b_t; else θ ← θ − γ g / (√ṽ + ε).
 * Slots: square_avg (v), momentum_buffer (b), grad_avg (ḡ).
 */
export const rmsprop: OptimizerDef = {
  id: 'rmsprop',
  name: 'RMSprop',
  hyper: [
    lrSpec(1e-2),
    rateSpec('alpha', '\\alpha', 0.99),
    epsSpec(1e-8),
    weightDecaySpec(),
    rateSpec('momentum', '\\mu', 0),
    boolSpec('centered'),
  ],
  derived: [],
  derive: noDerived,
  slots: ['square_avg', 'momentum_buffer', 'grad_avg'],
  scalars: [],
  init: zeroInit,
  step({ theta, g, state: s, lr, h, r }) {
    const alpha = h.alpha;
    const eps = h.eps;
    const wd = h.weight_decay;
    const mu = h.momentum;
    for (let i = 0; i < 2; i++) {
      let gi = g[i];
      if (wd !== 0) gi = r(gi + r(wd * theta[i]));
      const v = r(r(alpha * s[i]) + r(r(1 - alpha) * r(gi * gi)));
      s[i] = v;
      let vt = v;
      if (h.centered !== 0) {
        const ga = r(r(alpha * s[4 + i]) + r(r(1 - alpha) * gi));
        s[4 + i] = ga;
        vt = r(vt - r(ga * ga));
      }
      const denom = r(r(Math.sqrt(vt)) + eps);
      if (mu > 0) {
        const b = r(r(mu * s[2 + i]) + r(gi / denom));
        s[2 + i] = b;
        theta[i] = r(theta[i] - r(lr * b));
      } else {
        theta[i] = r(theta[i] - r(r(lr * gi) / denom));
      }
    }
  },
};
