/**
 * "Converged" or "stalled": engines flag a run whose gradient vanished (‖∇f‖ ≤ gradTol) as
 * converged; that is only a success at a global minimum. A vanished gradient anywhere else
 * (Rastrigin's grid of local minima, Goldstein–Price's three, the saddle point) is a stalled
 * run. The judgement uses the run's current loss, which every engine reports, so the engines
 * agree on it wherever they agree on the loss to within the tolerance below.
 */
import type { RunStatus } from '../experiment';
import type { KnownMinimum } from '../objectives/types';

/**
 * At a global minimum when loss − min ≤ GLOBAL_LOSS_TOL · (1 + |min|). Loss, not distance:
 * a flat valley floor near the minimum is as good as the minimum, and the gap to a local
 * minimum is far larger on the built-in surfaces (Rastrigin's default race stalls at 17.9,
 * Goldstein–Price's local minima are ≥ 27 above its global one). Near a minimum with smallest
 * Hessian eigenvalue λ, ‖∇f‖ ≤ gradTol puts the loss about gradTol²/(2λ) above it: below this
 * tolerance for the app's gradTol (10⁻³) unless λ < 5·10⁻⁴ (the quadratic's smallest is 1).
 */
export const GLOBAL_LOSS_TOL = 1e-3;

/** What the app knows about a surface's minima, to judge a vanished gradient. */
export interface StationaryJudge {
  /** Loss value of the global minimum, or null when none is known. */
  readonly globalMin: number | null;
  /** False for surfaces without a lower bound (no minimum exists). */
  readonly bounded: boolean;
}

/** The judge of a surface with these known minima. */
export function stationaryJudge(minima: readonly KnownMinimum[], bounded: boolean): StationaryJudge {
  const globals = minima.filter((m) => m.global).map((m) => m.value);
  return { globalMin: globals.length > 0 ? Math.min(...globals) : null, bounded };
}

/**
 * 'converged' when a run whose gradient vanished sits at a known global minimum's loss,
 * 'stalled' when it does not. Surfaces without known minima:
 * - unbounded ones (the saddle) have no minimum at all, so a vanished gradient there is a
 *   stationary point that is not a minimum: stalled;
 * - bounded ones (a custom formula: its minima are not computed) keep 'converged', meaning
 *   only that the gradient vanished; claiming "stalled" for every plain bowl would be wrong
 *   far more often than "converged" is at an unknown local minimum.
 */
export function judgeConverged(judge: StationaryJudge, loss: number): 'converged' | 'stalled' {
  if (judge.globalMin === null) return judge.bounded ? 'converged' : 'stalled';
  const m = judge.globalMin;
  return loss - m <= GLOBAL_LOSS_TOL * (1 + Math.abs(m)) ? 'converged' : 'stalled';
}

/** `status` with a converged run judged by its current loss; other statuses as they are. */
export function judgeStatus(judge: StationaryJudge, status: RunStatus, loss: number): RunStatus {
  if (status.kind !== 'converged') return status;
  return judgeConverged(judge, loss) === 'converged' ? status : { kind: 'stalled', step: status.step };
}
