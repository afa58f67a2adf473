import type { OptimizerDef } from './types';
import { lrSpec, noDerived, rateSpec, weightDecaySpec, zeroInit } from './specs';

/**
 * Textbook momentum as an exponential moving average: v_t = β v_{t−1} + (1 − β) g, v_0 = 0;
 * θ ← θ − α v_t (g includes coupled weight decay λθ).
 *
 * Equivalence with torch.optim.SGD: unrolling gives v_t = (1 − β) Σ_k β^{t−k} g_k, while SGD
 * with momentum = β and dampening = 0 (b_1 = g_1, b_t = β b_{t−1} + g_t) gives
 * b_t = Σ_k β^{t−k} g_k. So v_t = (1 − β) b_t at EVERY step, the first included, and
 * momentum_ema(α, β) ≡ SGD(lr = α(1 − β), momentum = β, dampening = 0) in exact arithmetic
 * (floating point differs only by rounding). Choosing dampening = β instead does NOT give an
 * equivalence: torch's b_1 = g_1 would then carry weight β^{t−1} on g_1 instead of (1 − β)β^{t−1}.
 * The default α = 0.01, β = 0.9 is therefore the same walk as our SGD default (lr 1e-3, μ 0.9).
 */
export const momentumEma: OptimizerDef = {
  id: 'momentum_ema',
  name: 'Momentum (EMA form)',
  hyper: [lrSpec(1e-2, '\\alpha'), rateSpec('beta', '\\beta', 0.9), weightDecaySpec()],
  derived: [],
  derive: noDerived,
  slots: ['velocity'],
  scalars: [],
  init: zeroInit,
  step({ theta, g, state: s, lr, h, r }) {
    const beta = h.beta;
    const wd = h.weight_decay;
    for (let i = 0; i < 2; i++) {
      let gi = g[i];
      if (wd !== 0) gi = r(gi + r(wd * theta[i]));
      const v = r(r(beta * s[i]) + r(r(1 - beta) * gi));
      s[i] = v;
      theta[i] = r(theta[i] - r(lr * v));
    }
  },
};
