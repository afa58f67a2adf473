/**
 * Reference simulator: advances every run of an experiment step by step, in float64 or in a
 * float32-exact mode. The GPU engine mirrors these semantics exactly; change both or neither.
 *
 * Semantics (r = identity in 'f64' mode, roundF32Ftz in 'f32' mode: Math.fround with subnormal
 * results flushed to zero, as the GPU does — see src/core/f32.ts):
 * - Rounded inputs: start, objective params (user then derived; derived computed in float64 from
 *   the unrounded params, then rounded), hyperparameters incl. derived, every schedule factor,
 *   max_grad_norm, bound and gradTol all pass through r once.
 * - θ_0 = (r(start[0]), r(start[1])). For k = 0..steps:
 *   1. Evaluate at θ_k: [f, gx, gy] = formula.evaluate (f64) or formula.evaluate32 (f32);
 *      gradNorm_k = r(√r(r(gx·gx) + r(gy·gy))). Record x_k, y_k, loss_k = f, gradNorm_k.
 *   2. Status at θ_k, in this order (simulate/status.ts divergenceCode): x, y or f NaN →
 *      diverged 'nan' at k; else one of them ±Inf → 'inf'; else gx or gy NaN → 'nan', ±Inf →
 *      'inf' (an infinite f with a NaN gradient, as 1/0 gives, is 'inf'); else |x| > bound or
 *      |y| > bound → 'bound'; else f < LOSS_FLOOR (−1e9) → 'loss'. A diverged run is frozen:
 *      no more updates, and its later records repeat the values recorded at k.
 *      Else, if the run is still 'running' and gradNorm_k ≤ gradTol → 'converged' at k. A
 *      converged run keeps stepping (its status keeps the first such k); a later divergence
 *      overrides it.
 *   3. If k < steps and not diverged: g' = clipGradNorm((gx, gy), max_grad_norm, r);
 *      t = k + 1 − origin; lr_t = r(r(lr)·r(m[t])) with m = scheduleFactors(schedule, steps);
 *      optimizer.step({ theta, g: g', state, t, lr: lr_t, h, r }) gives θ_{k+1}.
 * - The exposed `grad` is the raw gradient at θ_k (before clipping).
 * - Local steps: each run has an origin, the global step at which it (re)started (0 unless
 *   restartRun moved it). Its local step is k − origin: the t above, the schedule index, and
 *   the step of its status ("converged at 12" = 12 of its own steps) all count from there.
 *   The global budget still ends the race: a run restarted at origin o takes steps − o steps.
 * - retune(exp), "continue": same runs (count, optimizer per run, objective, start, steps,
 *   gradTol, bound; else it throws). From the next step on, every run uses exp's
 *   hyperparameters, schedule and max_grad_norm; θ, optimizer state (as is: a changed init
 *   value such as adagrad's initial_accumulator_value only matters at the next (re)start),
 *   status, origin and the step count are kept.
 * - restartRun(i, exp), "restart this run": retune(exp), then run i goes back to θ_0 with a
 *   fresh optimizer state (its init with the new hyperparameters), status 'running' and
 *   origin = the current step; θ_0 is evaluated and checked at local step 0. Other runs are
 *   untouched. From then on run i is bit for bit a fresh run of steps − origin steps.
 *
 * Performance: state lives in preallocated typed arrays; a step allocates nothing.
 */
import type { ResolvedExperiment, RunStatus } from './experiment';
import { clipGradNorm } from './optimizers';
import { roundF32Ftz } from './f32';
import type { StepContext } from './optimizers/types';
import { identity, prepareObjective, prepareRuns, type PreparedRun, type Rounding } from './simulate/prepare';
import { assertRetunable, assertRunIndex } from './simulate/retune';
import { isDiverged, RUNNING, toRunStatus, updateStatus } from './simulate/status';

export type Precision = 'f64' | 'f32';

/** A live simulation. Arrays are views that advance() updates in place; copy to keep them. */
export interface Simulation {
  readonly precision: Precision;
  readonly runCount: number;
  /** The step budget (experiment.steps). */
  readonly steps: number;
  /** Steps completed so far: every run's current values are θ_step (frozen runs: their last). */
  readonly step: number;
  /** Current values per run (length runCount). */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  /** Raw gradient at the current θ per run, x and y interleaved (length 2·runCount). */
  readonly grad: Float64Array;
  /** Optimizer state per run (layout of OptimizerDef: slots × 2, then scalars). */
  readonly state: readonly Float64Array[];
  /** Status of run i (allocates a small object; call when needed, not per step). */
  status(i: number): RunStatus;
  statuses(): RunStatus[];
  /** Advances every run by min(n, steps − step) steps; returns how many were taken. */
  advance(n: number): number;
  /** Back to step 0 (start point, fresh optimizer state, every origin 0). */
  reset(): void;
  /** Continue every run with exp's hyperparameters from the next step (header: retune). */
  retune(exp: ResolvedExperiment): void;
  /** Run i back to the start point at the current step (header: restartRun). */
  restartRun(i: number, exp: ResolvedExperiment): void;
  /** Global step at which run i (re)started: its local step is step − origin(i). */
  origin(i: number): number;
}

/** Full trajectory of one run: records k = 0..steps. */
export interface RunTrace {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  readonly status: RunStatus;
}

type Traces = { x: Float64Array; y: Float64Array; loss: Float64Array; gradNorm: Float64Array }[];

type MutableContext = { -readonly [K in keyof StepContext]: StepContext[K] };

class SimulationImpl implements Simulation {
  readonly runCount: number;
  readonly steps: number;
  step = 0;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  readonly grad: Float64Array;
  readonly state: Float64Array[];
  private readonly code: Uint8Array;
  private readonly codeStep: Int32Array;
  private runs: PreparedRun[];
  private exp: ResolvedExperiment;
  private readonly origins: Int32Array;
  private readonly r: Rounding;
  private readonly f32: boolean;
  private readonly params: Float64Array;
  private readonly formula: ReturnType<typeof prepareObjective>['bound']['formula'];
  private readonly bound: number;
  private readonly gradTol: number;
  private readonly start: readonly [number, number];
  private readonly out = new Float64Array(3);
  private readonly ctx: MutableContext;
  traces: Traces | null = null;

  constructor(exp: ResolvedExperiment, readonly precision: Precision) {
    this.exp = exp;
    this.f32 = precision === 'f32';
    const r = (this.r = this.f32 ? roundF32Ftz : identity);
    const obj = prepareObjective(exp, r);
    this.formula = obj.bound.formula;
    this.params = obj.params;
    this.runs = prepareRuns(exp, r);
    this.runCount = this.runs.length;
    this.steps = exp.steps;
    this.bound = r(exp.bound);
    this.gradTol = r(exp.gradTol);
    this.start = [r(exp.start[0]), r(exp.start[1])];
    const n = this.runCount;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.loss = new Float64Array(n);
    this.gradNorm = new Float64Array(n);
    this.grad = new Float64Array(2 * n);
    this.state = this.runs.map((p) => new Float64Array(p.state0.length));
    this.code = new Uint8Array(n);
    this.codeStep = new Int32Array(n);
    this.origins = new Int32Array(n);
    this.ctx = { theta: new Float64Array(2), g: new Float64Array(2), state: new Float64Array(0), t: 0, lr: 0, h: {}, r };
    this.reset();
  }

  /** Record the k = 0 values. */
  reset(): void {
    this.step = 0;
    for (let i = 0; i < this.runCount; i++) this.restartAt(i);
    if (this.traces) this.record(0, 0);
  }

  /** Run i at θ_0 with a fresh state, origin = the current step (local step 0). */
  private restartAt(i: number): void {
    this.state[i].set(this.runs[i].state0);
    this.code[i] = RUNNING;
    this.codeStep[i] = 0;
    this.origins[i] = this.step;
    this.evaluateAt(i, this.start[0], this.start[1], 0);
  }

  retune(exp: ResolvedExperiment): void {
    assertRetunable(this.exp, exp);
    this.runs = prepareRuns(exp, this.r);
    this.exp = exp;
  }

  restartRun(i: number, exp: ResolvedExperiment): void {
    assertRunIndex(i, this.runCount);
    this.retune(exp);
    this.restartAt(i);
    if (this.traces) this.recordRun(i, this.step);
  }

  origin(i: number): number {
    return this.origins[i];
  }

  /** Step 1 and 2 of the header at θ_k for run i; k is its local step. */
  private evaluateAt(i: number, x: number, y: number, k: number): void {
    const out = this.out;
    const r = this.r;
    if (this.f32) this.formula.evaluate32(x, y, this.params, out);
    else this.formula.evaluate(x, y, this.params, out);
    const f = out[0];
    const gx = out[1];
    const gy = out[2];
    const gn = r(Math.sqrt(r(r(gx * gx) + r(gy * gy))));
    this.x[i] = x;
    this.y[i] = y;
    this.loss[i] = f;
    this.gradNorm[i] = gn;
    this.grad[2 * i] = gx;
    this.grad[2 * i + 1] = gy;
    updateStatus(this.code, this.codeStep, i, k, x, y, f, gx, gy, gn, this.bound, this.gradTol);
  }

  advance(n: number): number {
    const take = Math.max(0, Math.min(Math.floor(n), this.steps - this.step));
    const k0 = this.step;
    const ctx = this.ctx;
    const theta = ctx.theta;
    const g = ctx.g;
    const r = this.r;
    for (let i = 0; i < this.runCount; i++) {
      const run = this.runs[i];
      const def = run.def;
      const m = run.m;
      ctx.state = this.state[i];
      ctx.h = run.h;
      const o = this.origins[i];
      for (let k = k0; k < k0 + take; k++) {
        if (isDiverged(this.code[i])) break;
        g[0] = this.grad[2 * i];
        g[1] = this.grad[2 * i + 1];
        clipGradNorm(g, run.maxNorm, r);
        theta[0] = this.x[i];
        theta[1] = this.y[i];
        const t = k + 1 - o;
        ctx.t = t;
        ctx.lr = r(run.lr * m[t]);
        def.step(ctx);
        this.evaluateAt(i, theta[0], theta[1], t);
        if (this.traces) this.recordRun(i, k + 1);
      }
      // A frozen run's later records repeat its last values (codeStep is local: + origin).
      if (this.traces && isDiverged(this.code[i])) {
        for (let k = Math.max(k0, this.codeStep[i] + o) + 1; k <= k0 + take; k++) this.recordRun(i, k);
      }
    }
    this.step = k0 + take;
    return take;
  }

  private recordRun(i: number, k: number): void {
    const t = this.traces![i];
    t.x[k] = this.x[i];
    t.y[k] = this.y[i];
    t.loss[k] = this.loss[i];
    t.gradNorm[k] = this.gradNorm[i];
  }

  private record(from: number, to: number): void {
    for (let i = 0; i < this.runCount; i++) for (let k = from; k <= to; k++) this.recordRun(i, k);
  }

  status(i: number): RunStatus {
    return toRunStatus(this.code[i], this.codeStep[i]);
  }

  statuses(): RunStatus[] {
    return Array.from({ length: this.runCount }, (_, i) => this.status(i));
  }
}

/** A simulation at step 0 (θ_0 evaluated and checked). Throws if the experiment does not bind. */
export function createSimulation(exp: ResolvedExperiment, precision: Precision = 'f64'): Simulation {
  return new SimulationImpl(exp, precision);
}

/** Runs an experiment to its step budget and returns every run's full trace (steps + 1 records). */
export function simulate(exp: ResolvedExperiment, precision: Precision = 'f64'): RunTrace[] {
  const sim = new SimulationImpl(exp, precision);
  const len = exp.steps + 1;
  sim.traces = Array.from({ length: sim.runCount }, () => ({
    x: new Float64Array(len),
    y: new Float64Array(len),
    loss: new Float64Array(len),
    gradNorm: new Float64Array(len),
  }));
  sim.reset();
  sim.advance(exp.steps);
  return sim.traces.map((t, i) => ({ ...t, status: sim.status(i) }));
}
