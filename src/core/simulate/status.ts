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

/** True for the three diverged codes (the run is frozen). */
export function isDiverged(code: number): boolean {
  return code >= DIVERGED_NAN;
}

/**
 * The divergence test at θ_k, in the documented order: any NaN first, then any ±Inf, then
 * |x| or |y| beyond the bound. Returns RUNNING when none applies.
 */
export function divergenceCode(x: number, y: number, f: number, gx: number, gy: number, bound: number): number {
  // x !== x is the NaN test without a call: this runs once per run and step.
  if (x !== x || y !== y || f !== f || gx !== gx || gy !== gy) return DIVERGED_NAN;
  if (Math.abs(x) === Infinity || Math.abs(y) === Infinity || Math.abs(f) === Infinity || Math.abs(gx) === Infinity || Math.abs(gy) === Infinity) {
    return DIVERGED_INF;
  }
  if (Math.abs(x) > bound || Math.abs(y) > bound) return DIVERGED_BOUND;
  return RUNNING;
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
    default:
      return { kind: 'diverged', step, reason: 'bound' };
  }
}
