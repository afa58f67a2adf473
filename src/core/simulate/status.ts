/**
 * Per-run status as small integers, so a simulation of many runs keeps it in typed arrays and
 * only builds RunStatus objects when someone asks.
 */
import type { RunStatus } from '../experiment';

export const RUNNING = 0;
export const CONVERGED = 1;
export const DIVERGED_NAN = 2;
export const DIVERGED_INF = 3;
export const DIVERGED_BOUND = 4;
export const DIVERGED_LOSS = 5;

/**
 * A loss below this has run away (diverged, reason 'loss'): the surface is unbounded below
 * (the saddle x² − y², a custom formula such as x − y³) and the run is falling down it. No
 * built-in surface comes near it (their minima are ≥ −80, Styblinski–Tang's −78.3), while the
 * saddle's momentum run passes it at |y| ≈ 3·10⁴, long before |y| reaches the 10⁶ bound (loss
 * −10¹²: before this check, that run said "running" at loss −1.2·10¹⁰). Exact in float32, so
 * every engine compares with the same value. Only a fall is tested: a loss that grows without
 * bound comes with a θ that leaves the bound, and the GPU's fast pass can then keep proving
 * f ≥ LOSS_FLOOR on the bound box once (src/core/expr/range.ts) instead of testing every step.
 */
export const LOSS_FLOOR = -1e9;

/** True for the diverged codes (the run is frozen). */
export function isDiverged(code: number): boolean {
  return code >= DIVERGED_NAN;
}

const isInf = (v: number): boolean => v === Infinity || v === -Infinity;

/**
 * The divergence test at θ_k, in the documented order: NaN, then ±Inf, in θ or f first and in
 * the gradient after (a gradient of an infinite f is often NaN, as for 1/0: the value is what
 * went wrong, so the reason is 'inf'); then |x| or |y| beyond the bound; then f < LOSS_FLOOR.
 * Returns RUNNING when none applies.
 */
export function divergenceCode(x: number, y: number, f: number, gx: number, gy: number, bound: number): number {
  // x !== x is the NaN test without a call: this runs once per run and step.
  if (x !== x || y !== y || f !== f) return DIVERGED_NAN;
  if (isInf(x) || isInf(y) || isInf(f)) return DIVERGED_INF;
  if (gx !== gx || gy !== gy) return DIVERGED_NAN;
  if (isInf(gx) || isInf(gy)) return DIVERGED_INF;
  if (Math.abs(x) > bound || Math.abs(y) > bound) return DIVERGED_BOUND;
  if (f < LOSS_FLOOR) return DIVERGED_LOSS;
  return RUNNING;
}

/**
 * Step 2 of the simulator's header for run i at its local step k: a divergence sets the code
 * (and overrides an earlier convergence); otherwise a still-running run whose rounded gradient
 * norm `gn` is within gradTol converges at k. The one status rule every engine and race uses.
 */
export function updateStatus(
  code: Uint8Array, codeStep: Int32Array, i: number, k: number,
  x: number, y: number, f: number, gx: number, gy: number, gn: number, bound: number, gradTol: number,
): void {
  const d = divergenceCode(x, y, f, gx, gy, bound);
  if (d !== RUNNING) {
    code[i] = d;
    codeStep[i] = k;
  } else if (code[i] === RUNNING && gn <= gradTol) {
    code[i] = CONVERGED;
    codeStep[i] = k;
  }
}

/** The RunStatus value of a (code, step) pair. */
export function toRunStatus(code: number, step: number): RunStatus {
  switch (code) {
    case RUNNING:
      return { kind: 'running' };
    case CONVERGED:
      return { kind: 'converged', step };
    case DIVERGED_NAN:
      return { kind: 'diverged', step, reason: 'nan' };
    case DIVERGED_INF:
      return { kind: 'diverged', step, reason: 'inf' };
    case DIVERGED_LOSS:
      return { kind: 'diverged', step, reason: 'loss' };
    default:
      return { kind: 'diverged', step, reason: 'bound' };
  }
}
