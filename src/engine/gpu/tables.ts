/**
 * The host-side tables a step kernel reads from its `consts` buffer, built with the core's own
 * preparation in float32 mode (src/core/simulate/prepare): objective parameters, per-template
 * hyperparameters (hp), initial optimizer state (st), clip norms and schedule multipliers, all
 * rounded exactly as the simulator's f32 mode rounds them. Also the optimizer groups: one
 * pipeline per optimizer, dispatched over the runs of its templates.
 */
import type { ResolvedExperiment } from '../../core/experiment';
import type { CompiledFormula } from '../../core/expr';
import { hyperArray, type OptimizerId } from '../../core/optimizers';
import { prepareObjective, prepareRuns } from '../../core/simulate/prepare';
import { STATE_STRIDE } from './kernel';

/** Offsets (in f32) of each table inside `consts`, as StepParams names them. */
export interface ConstTables {
  readonly formula: CompiledFormula;
  readonly data: Float32Array;
  readonly hyperOffset: number;
  readonly initOffset: number;
  readonly clipOffset: number;
  readonly schedOffset: number;
  readonly objParams: number;
  /** Optimizers in first-use order with the templates that use them. */
  readonly groups: readonly { readonly optimizer: OptimizerId; readonly templates: readonly number[] }[];
}

export function buildTables(exp: ResolvedExperiment): ConstTables {
  const r = Math.fround;
  const obj = prepareObjective(exp, r);
  const runs = prepareRuns(exp, r);
  const T = runs.length;
  const nObj = obj.params.length;
  const hyperOffset = nObj;
  const initOffset = hyperOffset + T * STATE_STRIDE;
  const clipOffset = initOffset + T * STATE_STRIDE;
  const schedOffset = clipOffset + T;
  const data = new Float32Array(schedOffset + T * (exp.steps + 1));
  data.set(obj.params, 0);
  const groups = new Map<OptimizerId, number[]>();
  runs.forEach((run, t) => {
    const hp = hyperArray(run.def, run.h);
    if (hp.length > STATE_STRIDE || run.state0.length > STATE_STRIDE) throw new Error(`Optimizer '${run.def.id}' needs more than ${STATE_STRIDE} values of hp or state`);
    data.set(hp, hyperOffset + t * STATE_STRIDE);
    data.set(run.state0, initOffset + t * STATE_STRIDE);
    data[clipOffset + t] = run.maxNorm;
    data.set(run.m, schedOffset + t * (exp.steps + 1));
    const list = groups.get(run.def.id) ?? [];
    list.push(t);
    groups.set(run.def.id, list);
  });
  return {
    formula: obj.bound.formula, data, hyperOffset, initOffset, clipOffset, schedOffset, objParams: nObj,
    groups: [...groups].map(([optimizer, templates]) => ({ optimizer, templates })),
  };
}

/** Run indices (of `count`, run i using template i % T) whose template is in `templates`. */
export function groupRuns(count: number, T: number, templates: readonly number[]): Uint32Array {
  const mine = new Uint8Array(T);
  for (const t of templates) mine[t] = 1;
  let n = 0;
  for (let i = 0; i < count; i++) n += mine[i % T];
  const out = new Uint32Array(n);
  let j = 0;
  for (let i = 0; i < count; i++) if (mine[i % T]) out[j++] = i;
  return out;
}
