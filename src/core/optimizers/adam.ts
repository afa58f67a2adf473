import type { HyperSpec, OptimizerDef, StepContext } from './types';
import { adamUpdateBatch } from './adamBatch';
import { boolSpec, epsSpec, lrSpec, noDerived, rateSpec, weightDecaySpec } from './specs';

/** Adam's and AdamW's shared schema; only weight_decay's default differs. */
export function adamHyper(weightDecay: number): HyperSpec[] {
  return [
    lrSpec(1e-3),
    rateSpec('beta1', '\\beta_1', 0.9),
    rateSpec('beta2', '\\beta_2', 0.999),
    epsSpec(1e-8),
    weightDecaySpec(weightDecay),
    boolSpec('amsgrad'),
  ];
}

/** Slots and scalars: exp_avg (m), exp_avg_sq (v), max_exp_avg_sq; β1^t, β2^t. */
export function adamInit(_h: unknown, state: Float64Array): void {
  state.fill(0);
  state[6] = 1;
  state[7] = 1;
}

/**
 * The Adam update after weight decay has been handled:
 * m_t = β1 m + (1 − β1) g; v_t = β2 v + (1 − β2) g²; v^max_t = max(v^max, v_t) (amsgrad);
 * θ ← θ − γ m̂ / (√v̂ + ε) with m̂ = m_t / (1 − β1^t), v̂ = v_t (or v^max_t) / (1 − β2^t).
 * `coupled`: add λθ to g first (Adam); AdamW shrinks θ before calling with coupled = false.
 */
export function adamUpdate({ theta, g, state: s, lr, h, r }: StepContext, coupled: boolean): void {
  const b1 = h.beta1;
  const b2 = h.beta2;
  const eps = h.eps;
  const wd = h.weight_decay;
  // Running products instead of pow: the GPU repeats the same multiplications.
  const b1p = r(s[6] * b1);
  const b2p = r(s[7] * b2);
  s[6] = b1p;
  s[7] = b2p;
  const bc1 = r(1 - b1p);
  const bc2 = r(1 - b2p);
  for (let i = 0; i < 2; i++) {
    let gi = g[i];
    if (coupled && wd !== 0) gi = r(gi + r(wd * theta[i]));
    const m = r(r(b1 * s[i]) + r(r(1 - b1) * gi));
    const v = r(r(b2 * s[2 + i]) + r(r(1 - b2) * r(gi * gi)));
    s[i] = m;
    s[2 + i] = v;
    let vUse = v;
    if (h.amsgrad !== 0) {
      vUse = Math.max(s[4 + i], v);
      s[4 + i] = vUse;
    }
    const mhat = r(m / bc1);
    const vhat = r(vUse / bc2);
    theta[i] = r(theta[i] - r(r(lr * mhat) / r(r(Math.sqrt(vhat)) + eps)));
  }
}

/** torch.optim.Adam (coupled weight decay g ← g + λθ when λ ≠ 0), with the amsgrad option. */
export const adam: OptimizerDef = {
  id: 'adam',
  name: 'Adam',
  hyper: adamHyper(0),
  derived: [],
  derive: noDerived,
  slots: ['exp_avg', 'exp_avg_sq', 'max_exp_avg_sq'],
  scalars: ['beta1_pow', 'beta2_pow'],
  init: adamInit,
  step(c) {
    adamUpdate(c, true);
  },
  stepBatch(c) {
    adamUpdateBatch(c, true);
  },
};
