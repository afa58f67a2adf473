/**
 * The host-side tables a step kernel reads from its `consts` buffer, built with the core's own
 * preparation in float32 mode (src/core/simulate/prepare): objective parameters, per-template
 * hyperparameters (hp), initial optimizer state (st), clip norms and schedule multipliers, all
 * rounded exactly as the simulator's f32 mode rounds them. Also the optimizer groups: one
 * pipeline per optimizer, dispatched over the runs of its templates.
 */
import { MAX_RUNS, type ResolvedExperiment } from '../../core/experiment';
import { formulaTape, lossLowerBoundOnBox, type CompiledFormula } from '../../core/expr';
import { LOSS_FLOOR } from '../../core/simulate/status';
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
  /** consts holds the schedule table (hasScheduleTable). */
  readonly scheduleTable: boolean;
  readonly objParams: number;
  /** Optimizers in first-use order with the templates that use them. */
  readonly groups: readonly OptimizerGroup[];
}

/** One optimizer's templates and the structure its kernel can be specialised for. */
export interface OptimizerGroup {
  readonly optimizer: OptimizerId;
  readonly templates: readonly number[];
  /** Some template clips (max_grad_norm > 0): otherwise clip_grad returns g unchanged. */
  readonly clip: boolean;
  /** Some template's lr_t = r(lr · m[t]) is not lr itself (m[t] ≠ 1, or lr · 1 would flush). */
  readonly schedule: boolean;
  /** Hyperparameter values (hp) and optimizer state values (st) per template. */
  readonly hpCount: number;
  readonly stateSize: number;
  /** Bit i: hp[i] is nonzero for some template (the kernel's HP_NONZERO, shaders/optimizers/hp_flags.wgsl). */
  readonly hpNonzero: number;
  /**
   * f and ∇f are provably finite and f ≥ LOSS_FLOOR within the bound (src/core/expr/range.ts;
   * the kernel's FINITE).
   */
  readonly finite: boolean;
}

/** True when r(lr · m) === lr for every multiplier: all m are exactly 1 and lr is not subnormal. */
function unitSchedule(lr: number, m: Float64Array): boolean {
  if (lr !== 0 && !(Math.abs(lr) >= 2 ** -126)) return false;
  for (let t = 1; t < m.length; t++) if (m[t] !== 1) return false;
  return true;
}

export function buildTables(exp: ResolvedExperiment): ConstTables {
  const r = Math.fround;
  const obj = prepareObjective(exp, r);
  const runs = prepareRuns(exp, r);
  const T = runs.length;
  const nObj = obj.params.length;
  // FINITE drops the per-step NaN/±Inf and loss-floor tests: f and ∇f finite and f ≥ LOSS_FLOOR
  // must both be proven on the bound box (a saddle's x² − y² reaches −1e12 there: not FINITE).
  const lossLow = lossLowerBoundOnBox(formulaTape(obj.bound.formula), obj.params, exp.bound);
  const finite = lossLow !== null && lossLow >= LOSS_FLOOR;
  const hyperOffset = nObj;
  const initOffset = hyperOffset + T * STATE_STRIDE;
  const clipOffset = initOffset + T * STATE_STRIDE;
  const schedOffset = clipOffset + T;
  // The schedule table is T × (steps + 1) floats: 65,536 map cells × 500 steps would be 131 MB.
  // The kernel reads it only under SCHEDULE, so a population beyond the race's run cap whose
  // templates all have the unit schedule gets none (a race keeps it, for retune).
  const schedTable = hasScheduleTable(exp, runs.map((run) => !unitSchedule(r(run.lr), run.m)));
  const data = new Float32Array(schedOffset + (schedTable ? T * (exp.steps + 1) : 1));
  data.set(obj.params, 0);
  const groups = new Map<OptimizerId, { templates: number[]; clip: boolean; schedule: boolean; hpCount: number; stateSize: number; hpNonzero: number }>();
  runs.forEach((run, t) => {
    const hp = hyperArray(run.def, run.h);
    if (hp.length > STATE_STRIDE || run.state0.length > STATE_STRIDE) throw new Error(`Optimizer '${run.def.id}' needs more than ${STATE_STRIDE} values of hp or state`);
    data.set(hp, hyperOffset + t * STATE_STRIDE);
    data.set(run.state0, initOffset + t * STATE_STRIDE);
    data[clipOffset + t] = run.maxNorm;
    if (schedTable) data.set(run.m, schedOffset + t * (exp.steps + 1));
    const g = groups.get(run.def.id) ?? { templates: [], clip: false, schedule: false, hpCount: 0, stateSize: 0, hpNonzero: 0 };
    g.templates.push(t);
    g.clip ||= run.maxNorm > 0;
    g.schedule ||= !unitSchedule(r(run.lr), run.m);
    g.hpCount = Math.max(g.hpCount, hp.length);
    g.stateSize = Math.max(g.stateSize, run.state0.length);
    // The f32 value the kernel reads: a value that rounds to 0 takes no branch there either.
    for (let i = 0; i < hp.length; i++) if (r(hp[i]) !== 0) g.hpNonzero |= 1 << i;
    groups.set(run.def.id, g);
  });
  return {
    formula: obj.bound.formula, data, hyperOffset, initOffset, clipOffset, schedOffset, scheduleTable: schedTable, objParams: nObj,
    groups: [...groups].map(([optimizer, g]) => ({ optimizer, ...g, finite })),
  };
}

/** Populations of more templates than a race may hold (maps) drop an unused schedule table. */
export const SCHEDULE_TABLE_TEMPLATES = MAX_RUNS;

/** True when `consts` must hold the schedule table: a race, or some template schedules. */
export function hasScheduleTable(exp: ResolvedExperiment, scheduled: readonly boolean[]): boolean {
  return exp.runs.length <= SCHEDULE_TABLE_TEMPLATES || scheduled.some(Boolean);
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

/** How many entries of an ascending run list are below `limit` (its recorded runs). */
export function countBelow(list: Uint32Array, limit: number): number {
  let n = 0;
  while (n < list.length && list[n] < limit) n++;
  return n;
}
