import type { OptimizerDef } from './types';
import { boolSpec, lrSpec, noDerived, rateSpec, weightDecaySpec, zeroInit } from './specs';

/**
 * torch.optim.SGD, following its algorithm box:
 *   g ← g + λθ (if λ ≠ 0);
 *   if μ ≠ 0: b_t = g at t = 1, else μ b_{t−1} + (1 − τ) g;  g ← g + μ b_t (nesterov) or b_t;
 *   θ ← θ − γ g.
 * Our default momentum is 0.9 so the optimizer is useful out of the box; torch's default is 0.
 * State slot: momentum_buffer (b).
 */
export const sgd: OptimizerDef = {
  id: 'sgd',
  name: 'SGD (momentum)',
  hyper: [
    lrSpec(1e-3),
    rateSpec('momentum', '\\mu', 0.9),
    { name: 'dampening', symbol: '\\tau', default: 0, min: 0, max: 1, scale: 'linear', kind: 'real' },
    boolSpec('nesterov'),
    weightDecaySpec(),
  ],
  derived: [],
  derive: noDerived,
  slots: ['momentum_buffer'],
  scalars: [],
  init: zeroInit,
  step({ theta, g, state: s, t, lr, h, r }) {
    const mu = h.momentum;
    const damp = h.dampening;
    const wd = h.weight_decay;
    for (let i = 0; i < 2; i++) {
      let gi = g[i];
      if (wd !== 0) gi = r(gi + r(wd * theta[i]));
      if (mu !== 0) {
        // torch starts the buffer at g itself, not at (1 − τ)g.
        const b = t > 1 ? r(r(mu * s[i]) + r(r(1 - damp) * gi)) : gi;
        s[i] = b;
        gi = h.nesterov !== 0 ? r(gi + r(mu * b)) : b;
      }
      theta[i] = r(theta[i] - r(lr * gi));
    }
  },
};
