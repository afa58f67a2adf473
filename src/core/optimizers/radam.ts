import type { OptimizerDef } from './types';
import { epsSpec, lrSpec, rateSpec, weightDecaySpec } from './specs';

/**
 * torch.optim.RAdam (coupled weight decay): ρ∞ = 2/(1 − β2) − 1 (derived `rho_inf`);
 * m_t, v_t as Adam; m̂ = m_t / (1 − β1^t); ρ_t = ρ∞ − 2tβ2^t / (1 − β2^t);
 * if ρ_t > 5: l_t = √(1 − β2^t) / (√v_t + ε), r_t = √((ρ_t−4)(ρ_t−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρ_t)),
 * θ ← θ − γ m̂ r_t l_t; else θ ← θ − γ m̂ (the variance estimate is not yet trusted).
 * Scalars: β1^t, β2^t.
 */
export const radam: OptimizerDef = {
  id: 'radam',
  name: 'RAdam',
  hyper: [
    lrSpec(1e-3),
    rateSpec('beta1', '\\beta_1', 0.9),
    rateSpec('beta2', '\\beta_2', 0.999),
    epsSpec(1e-8),
    weightDecaySpec(),
  ],
  derived: ['rho_inf'],
  derive(h) {
    return { rho_inf: 2 / (1 - h.beta2) - 1 };
  },
  slots: ['exp_avg', 'exp_avg_sq'],
  scalars: ['beta1_pow', 'beta2_pow'],
  init(_h, state) {
    state.fill(0);
    state[4] = 1;
    state[5] = 1;
  },
  step({ theta, g, state: s, t, lr, h, r }) {
    const b1 = h.beta1;
    const b2 = h.beta2;
    const eps = h.eps;
    const wd = h.weight_decay;
    const rhoInf = h.rho_inf;
    const b1p = r(s[4] * b1);
    const b2p = r(s[5] * b2);
    s[4] = b1p;
    s[5] = b2p;
    const bc1 = r(1 - b1p);
    const bc2 = r(1 - b2p);
    const rho = r(rhoInf - r(r(r(2 * t) * b2p) / bc2));
    const rectified = rho > 5;
    const rect = rectified
      ? r(Math.sqrt(r(r(r(r(rho - 4) * r(rho - 2)) * rhoInf) / r(r(r(rhoInf - 4) * r(rhoInf - 2)) * rho))))
      : 0;
    for (let i = 0; i < 2; i++) {
      let gi = g[i];
      if (wd !== 0) gi = r(gi + r(wd * theta[i]));
      const m = r(r(b1 * s[i]) + r(r(1 - b1) * gi));
      const v = r(r(b2 * s[2 + i]) + r(r(1 - b2) * r(gi * gi)));
      s[i] = m;
      s[2 + i] = v;
      const mhat = r(m / bc1);
      if (rectified) {
        const l = r(r(Math.sqrt(bc2)) / r(r(Math.sqrt(v)) + eps));
        theta[i] = r(theta[i] - r(r(r(lr * mhat) * rect) * l));
      } else {
        theta[i] = r(theta[i] - r(lr * mhat));
      }
    }
  },
};
