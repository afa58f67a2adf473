import type { OptimizerDef } from './types';
import { epsSpec, lrSpec, rateSpec, weightDecaySpec } from './specs';

/**
 * torch.optim.NAdam (coupled weight decay): μ_t = β1(1 − ½·0.96^{tψ});
 * m_t = β1 m + (1 − β1) g; v_t = β2 v + (1 − β2) g²;
 * m̂ = μ_{t+1} m_t / (1 − ∏_{i≤t+1} μ_i) + (1 − μ_t) g / (1 − ∏_{i≤t} μ_i);
 * v̂ = v_t / (1 − β2^t); θ ← θ − γ m̂ / (√v̂ + ε).
 * 0.96^{tψ} = c^t with c = 0.96^ψ derived once in float64 (`momentum_decay_base`), so the
 * kernels only multiply. Scalars: β2^t, c^t, ∏_{i≤t} μ_i.
 */
export const nadam: OptimizerDef = {
  id: 'nadam',
  name: 'NAdam',
  hyper: [
    lrSpec(2e-3),
    rateSpec('beta1', '\\beta_1', 0.9),
    rateSpec('beta2', '\\beta_2', 0.999),
    epsSpec(1e-8),
    weightDecaySpec(),
    { name: 'momentum_decay', symbol: '\\psi', default: 4e-3, min: 0, max: 0.1, scale: 'linear', kind: 'real' },
  ],
  derived: ['momentum_decay_base'],
  derive(h) {
    return { momentum_decay_base: Math.pow(0.96, h.momentum_decay) };
  },
  slots: ['exp_avg', 'exp_avg_sq'],
  scalars: ['beta2_pow', 'decay_pow', 'mu_product'],
  init(_h, state) {
    state.fill(0);
    state[4] = 1;
    state[5] = 1;
    state[6] = 1;
  },
  step({ theta, g, state: s, lr, h, r }) {
    const b1 = h.beta1;
    const b2 = h.beta2;
    const eps = h.eps;
    const wd = h.weight_decay;
    const c = h.momentum_decay_base;
    const b2p = r(s[4] * b2);
    const cp = r(s[5] * c);
    const mu = r(b1 * r(1 - r(0.5 * cp)));
    const muNext = r(b1 * r(1 - r(0.5 * r(cp * c))));
    const mp = r(s[6] * mu);
    const mpNext = r(mp * muNext);
    s[4] = b2p;
    s[5] = cp;
    s[6] = mp;
    const bc2 = r(1 - b2p);
    for (let i = 0; i < 2; i++) {
      let gi = g[i];
      if (wd !== 0) gi = r(gi + r(wd * theta[i]));
      const m = r(r(b1 * s[i]) + r(r(1 - b1) * gi));
      const v = r(r(b2 * s[2 + i]) + r(r(1 - b2) * r(gi * gi)));
      s[i] = m;
      s[2 + i] = v;
      const mhat = r(r(r(muNext * m) / r(1 - mpNext)) + r(r(r(1 - mu) * gi) / r(1 - mp)));
      const vhat = r(v / bc2);
      theta[i] = r(theta[i] - r(r(lr * mhat) / r(r(Math.sqrt(vhat)) + eps)));
    }
  },
};
