/**
 * Heavy-ball momentum on a quadratic, in closed form (Polyak 1964): on f = ½ Σ λ_i z_i² the
 * iteration v ← μv + ∇f, θ ← θ − γv (torch.optim.SGD with momentum μ, dampening 0) acts on
 * each eigen-direction as the 2×2 linear map [z, z_prev] ↦ [(1 + μ − γλ) z − μ z_prev, z].
 * Its spectral radius ρ(γ, μ, λ) is the per-step contraction; the run converges from every
 * start iff max_i ρ < 1, i.e. 0 < γλ_max < 2(1 + μ) with 0 ≤ μ < 1. The textbook form
 * `momentum_ema` (v ← βv + (1 − β)g, θ ← θ − αv) is the same walk with γ = α(1 − β).
 * The hyperparameter map overlays this boundary on what the engine measures.
 */

/** Spectral radius of the heavy-ball map on one eigenvalue λ: the roots of z² − (1 + μ − γλ)z + μ. */
export function heavyBallRadius(lr: number, momentum: number, lambda: number): number {
  const b = 1 + momentum - lr * lambda;
  const disc = b * b - 4 * momentum;
  if (disc < 0) return Math.sqrt(momentum); // complex pair, |z|² = μ
  const s = Math.sqrt(disc);
  return Math.max(Math.abs((b + s) / 2), Math.abs((b - s) / 2));
}

/** The rate on the whole quadratic: the worst eigen-direction. */
export function heavyBallRate(lr: number, momentum: number, eigenvalues: readonly number[]): number {
  let rho = 0;
  for (const l of eigenvalues) rho = Math.max(rho, heavyBallRadius(lr, momentum, l));
  return rho;
}

/** The largest learning rate that converges at momentum μ (ρ < 1 iff lr below it): 2(1 + μ)/λ_max. */
export function heavyBallLrLimit(momentum: number, eigenvalues: readonly number[]): number {
  return (2 * (1 + momentum)) / Math.max(...eigenvalues);
}

/** The heavy-ball (γ, μ) of an optimizer's hyperparameters, or null when it is not heavy ball. */
export function asHeavyBall(optimizer: string, h: Readonly<Record<string, number>>): { lr: number; momentum: number } | null {
  if (optimizer === 'gd') return { lr: h.lr, momentum: 0 };
  if (optimizer === 'sgd' && (h.nesterov ?? 0) === 0 && (h.dampening ?? 0) === 0 && (h.weight_decay ?? 0) === 0) return { lr: h.lr, momentum: h.momentum ?? 0 };
  if (optimizer === 'momentum_ema' && (h.weight_decay ?? 0) === 0) return { lr: h.lr * (1 - h.beta), momentum: h.beta };
  return null;
}
