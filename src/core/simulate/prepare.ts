/**
 * Everything a simulation precomputes once per run, already rounded for the chosen precision:
 * optimizer, hyperparameters (incl. derived, computed in float64 then rounded), learning-rate
 * schedule table (each factor rounded), clip norm and the initial optimizer state.
 */
import type { ResolvedExperiment, ResolvedRun } from '../experiment';
import { bindObjective } from '../objectives';
import type { BoundObjective } from '../objectives/types';
import { getOptimizer, resolveHyper, stateSize } from '../optimizers';
import type { OptimizerDef } from '../optimizers/types';
import { scheduleFactors } from '../schedule';

/** Rounding: identity (float64) or roundF32Ftz (float32, subnormals flushed like the GPU). */
export type Rounding = (v: number) => number;

export const identity: Rounding = (v) => v;

/** One run, ready to step. */
export interface PreparedRun {
  readonly def: OptimizerDef;
  /** Rounded hyperparameters including derived ones (the StepContext's h). */
  readonly h: Readonly<Record<string, number>>;
  /** r(lr). */
  readonly lr: number;
  /** r(m[t]) for t = 0..steps (m[0] unused). Shared between runs with equal schedules. */
  readonly m: Float64Array;
  /** r(max_grad_norm); 0 = off. */
  readonly maxNorm: number;
  /** Fresh state after init (a template: the simulation copies it on reset). */
  readonly state0: Float64Array;
}

/** The objective bound to the experiment's params, with parameter values rounded by r. */
export interface PreparedObjective {
  readonly bound: BoundObjective;
  readonly params: Float64Array;
}

export function prepareObjective(exp: ResolvedExperiment, r: Rounding): PreparedObjective {
  const o = exp.objective;
  const bound = bindObjective(o.id, o.params, o.formula, exp.seed);
  return { bound, params: bound.paramValues.map(r) };
}

export function prepareRuns(exp: ResolvedExperiment, r: Rounding): PreparedRun[] {
  const tables = new Map<string, Float64Array>();
  return exp.runs.map((run: ResolvedRun) => {
    const def = getOptimizer(run.optimizer);
    const h = resolveHyper(def, run.hyper, r);
    const key = JSON.stringify(run.schedule);
    let m = tables.get(key);
    if (m === undefined) {
      m = scheduleFactors(run.schedule, exp.steps).map(r);
      tables.set(key, m);
    }
    const state0 = new Float64Array(stateSize(def));
    def.init(h, state0);
    for (let j = 0; j < state0.length; j++) state0[j] = r(state0[j]);
    return { def, h, lr: h.lr, m, maxNorm: r(run.max_grad_norm), state0 };
  });
}
