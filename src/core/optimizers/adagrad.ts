import type { OptimizerDef } from './types';
import { epsSpec, lrSpec, noDerived, weightDecaySpec } from './specs';

/**
 * torch.optim.Adagrad: γ̃ = γ / (1 + (t − 1)η); g ← g + λθ (if λ ≠ 0);
 * s_t = s_{t−1} + g²; θ ← θ − γ̃ g / (√s_t + ε), with s_0 = initial_accumulator_value.
 */
export const adagrad: OptimizerDef = {
  id: 'adagrad',
  name: 'Adagrad',
  hyper: [
    lrSpec(1e-2),
    { name: 'lr_decay', symbol: '\\eta', default: 0, min: 0, max: 1, scale: 'linear', kind: 'real' },
    weightDecaySpec(),
    { name: 'initial_accumulator_value', symbol: '\\tau', default: 0, min: 0, max: 10, scale: 'linear', kind: 'real' },
    epsSpec(1e-10),
  ],
  derived: [],
  derive: noDerived,
  slots: ['sum'],
  scalars: [],
  init(h, state) {
    state.fill(h.initial_accumulator_value);
  },
  step({ theta, g, state: s, t, lr, h, r }) {
    const wd = h.weight_decay;
    const eps = h.eps;
    const clr = r(lr / r(1 + r(r(t - 1) * h.lr_decay)));
    for (let i = 0; i < 2; i++) {
      let gi = g[i];
      if (wd !== 0) gi = r(gi + r(wd * theta[i]));
      const sum = r(s[i] + r(gi * gi));
      s[i] = sum;
      theta[i] = r(theta[i] - r(r(clr * gi) / r(r(Math.sqrt(sum)) + eps)));
    }
  },
};
