import type { OptimizerDef } from './types';
import { epsSpec, lrSpec, noDerived, rateSpec, weightDecaySpec, zeroInit } from './specs';

/**
 * torch.optim.Adadelta: g ← g + λθ (if λ ≠ 0); v_t = ρ v + (1 − ρ) g²;
 * Δx = √(u + ε) / √(v_t + ε) · g; u_t = ρ u + (1 − ρ) Δx²; θ ← θ − γ Δx.
 * Slots: square_avg (v), acc_delta (u).
 */
export const adadelta: OptimizerDef = {
  id: 'adadelta',
  name: 'Adadelta',
  hyper: [lrSpec(1), rateSpec('rho', '\\rho', 0.9), epsSpec(1e-6), weightDecaySpec()],
  derived: [],
  derive: noDerived,
  slots: ['square_avg', 'acc_delta'],
  scalars: [],
  init: zeroInit,
  step({ theta, g, state: s, lr, h, r }) {
    const rho = h.rho;
    const eps = h.eps;
    const wd = h.weight_decay;
    for (let i = 0; i < 2; i++) {
      let gi = g[i];
      if (wd !== 0) gi = r(gi + r(wd * theta[i]));
      const v = r(r(rho * s[i]) + r(r(1 - rho) * r(gi * gi)));
      s[i] = v;
      const dx = r(r(r(Math.sqrt(r(s[2 + i] + eps))) / r(Math.sqrt(r(v + eps)))) * gi);
      s[2 + i] = r(r(rho * s[2 + i]) + r(r(1 - rho) * r(dx * dx)));
      theta[i] = r(theta[i] - r(lr * dx));
    }
  },
};
