/**
 * The fair compute axis of a finite-sum race: per-sample gradient evaluations. A full-batch step
 * costs n, a mini-batch step its batch (B, or the short last batch of a shuffle epoch), a SAG
 * step its batch, an SVRG step twice its batch (∇ℓ_i at θ and at θ̃) plus n for each snapshot
 * (at local steps 0, m, 2m, …). Epochs on this axis = evaluations / n: one epoch = the cost of
 * one full gradient, whichever method spent it.
 */
import { samplesBefore, type BatchRegime } from './sampler';

/** How a run turns gradient evaluations into steps. */
export type FiniteSumMethod = 'plain' | 'sag' | 'svrg';

/**
 * Gradient evaluations spent by the first `steps` steps (to reach θ_steps). `svrgPeriod` is
 * SVRG's m (svrg.ts svrgPeriod); other methods ignore it.
 */
export function gradEvalsAfter(method: FiniteSumMethod, regime: BatchRegime, n: number, steps: number, svrgPeriod = 2 * n): number {
  if (!Number.isInteger(steps) || steps < 0) throw new Error(`Steps must be an integer ≥ 0, got ${steps}`);
  const samples = samplesBefore(regime, n, steps);
  if (method !== 'svrg') return samples;
  return 2 * samples + n * Math.ceil(steps / svrgPeriod);
}

/** Evaluations of step k alone (gradEvalsAfter(k + 1) − gradEvalsAfter(k)). */
export function gradEvalsOfStep(method: FiniteSumMethod, regime: BatchRegime, n: number, step: number, svrgPeriod = 2 * n): number {
  return gradEvalsAfter(method, regime, n, step + 1, svrgPeriod) - gradEvalsAfter(method, regime, n, step, svrgPeriod);
}

/** Epochs on the compute axis: evaluations / n. */
export function epochsOf(gradEvals: number, n: number): number {
  return gradEvals / n;
}
