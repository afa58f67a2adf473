/**
 * The trainer's update rules on a parameter vector θ with gradient g (velocity v, v₀ = 0):
 *
 * - 'gd':           θ ← θ − α g.
 * - 'momentum':     v ← β v + g;  θ ← θ − α v.  The heavy-ball form most textbooks print, and
 *                   exactly torch.optim.SGD(lr = α, momentum = β, dampening = 0): torch's
 *                   first buffer b₁ = g₁ is β·0 + g₁. Its steady step on a constant gradient is
 *                   α g / (1 − β): with β = 0.9, ten times GD's step at the same α.
 * - 'momentum_ema': v ← β v + (1 − β) g;  θ ← θ − α v.  The exponential-moving-average form of
 *                   src/core/optimizers/momentumEma.ts: v_ema = (1 − β) v_heavy at every step,
 *                   so it is 'momentum' with α(1 − β), and its steady step equals GD's α g.
 *                   The same α means a ten times smaller walk than 'momentum' (β = 0.9).
 */
import type { TrainingOptimizer } from './config';

/** One update of θ in place (and of the velocity v, unused by 'gd'). */
export function applyUpdate(
  optimizer: TrainingOptimizer,
  theta: Float64Array,
  g: Float64Array,
  v: Float64Array,
  lr: number,
  beta: number,
): void {
  const p = theta.length;
  if (optimizer === 'gd') {
    for (let j = 0; j < p; j++) theta[j] -= lr * g[j];
  } else if (optimizer === 'momentum') {
    for (let j = 0; j < p; j++) {
      v[j] = beta * v[j] + g[j];
      theta[j] -= lr * v[j];
    }
  } else {
    for (let j = 0; j < p; j++) {
      v[j] = beta * v[j] + (1 - beta) * g[j];
      theta[j] -= lr * v[j];
    }
  }
}
