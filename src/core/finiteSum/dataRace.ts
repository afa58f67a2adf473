/**
 * Reference simulation of a race on one dataset: several runs minimise L(θ) = (1/n) Σ ℓ_i(θ),
 * each with its own optimizer, batch regime and sampling stream, in float64 or float32-exact.
 * It follows core/simulate.ts (read its header) wherever a finite sum does not change things:
 *
 * - Rounded inputs (r = identity or roundF32Ftz): start, hyperparameters incl. derived, every
 *   schedule factor, max_grad_norm, bound, gradTol, and every data value (sampleLoss.ts).
 * - θ_0 = (r(start[0]), r(start[1])). For k = 0..steps:
 *   1. At θ_k: [L, Gx, Gy] = the FULL-batch mean (sampleLoss.batchValue, 'full');
 *      gradNorm_k = r(√r(r(Gx·Gx) + r(Gy·Gy))). Recorded: x, y, loss L, gradNorm, the gradient
 *      evaluations spent so far (gradEvals.ts) and epochs = gradEvals / n. These are what the
 *      surface view and the loss chart show; the stochastic gradient a step uses is not.
 *   2. Status exactly as simulate.ts step 2 (simulate/status.ts divergenceCode on x, y, L, Gx,
 *      Gy and the bound; converged at the first k with gradNorm_k ≤ gradTol). A diverged run
 *      is frozen and its later records repeat step k's.
 *   3. If k < steps and not diverged, lr_t = r(r(lr)·r(m[t])) with t = k + 1, and:
 *      - registry optimizer: g = the batch mean gradient of step k's batch (sampler.ts; the
 *        full-batch regime reuses (Gx, Gy) from 1, which is the same value bit for bit),
 *        clipped by max_grad_norm (optimizers/clip.ts), then optimizer.step with t and lr_t;
 *      - 'sag': sag.ts with step k's batch; 'svrg': svrg.ts at local step k (its snapshot μ is
 *        the full gradient of 1, again the same value).
 *      Either gives θ_{k+1}. Clipping does not apply to SAG and SVRG (it would bias the
 *      variance-reduced estimate they are about).
 * - Runs never share batches unless they share (seed, stream, regime).
 *
 * Cost: the full-batch record is n per-sample evaluations per run and step, on top of the
 * step's own; that is the price of drawing the true loss, and the GPU engine pays it there.
 * A step allocates nothing beyond treeSum's small partials array.
 */
import type { Dataset } from '../data/types';
import type { RunStatus } from '../experiment';
import { clipGradNorm } from '../optimizers';
import type { StepContext } from '../optimizers/types';
import { isDiverged, RUNNING, toRunStatus, updateStatus } from '../simulate/status';
import type { SampleLoss } from './losses';
import { createProblem, type FiniteSumProblem } from './problem';
import { prepareRaceRun, resetRaceRun, type PreparedRaceRun, type RaceRunConfig } from './raceRun';
import { batchValue, type FiniteSumPrecision } from './sampleLoss';

/** Everything a race needs. */
export interface DataRaceConfig {
  readonly loss: SampleLoss;
  readonly dataset: Dataset;
  readonly runs: readonly RaceRunConfig[];
  readonly start: readonly [number, number];
  readonly steps: number;
  /** u32 seed of the sampling hash (each run adds its own stream). */
  readonly seed: number;
  readonly gradTol: number;
  readonly bound: number;
}

/**
 * Called after every record (step 0 at creation and reset, then each step, frozen runs too):
 * read run's values at `step` from the race's arrays (an engine copies them into its traces).
 */
export type RaceRecorder = (race: DataRace, run: number, step: number) => void;

/** A live race; arrays are views advance() updates in place. */
export interface DataRace {
  readonly precision: FiniteSumPrecision;
  readonly runCount: number;
  readonly steps: number;
  readonly step: number;
  /** Samples in the dataset. */
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Full-batch loss and gradient norm at the current θ. */
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  /** Full-batch gradient at the current θ, x and y interleaved. */
  readonly grad: Float64Array;
  /** Per-sample gradient evaluations spent so far, and the same in epochs (/ n). */
  readonly gradEvals: Float64Array;
  readonly epochs: Float64Array;
  /** Status codes (simulate/status.ts) and the steps they were set at, per run. */
  readonly code: Uint8Array;
  readonly codeStep: Int32Array;
  /** Run i's optimizer state (registry layout; empty for SAG and SVRG), for the state view. */
  stateOf(i: number): Float64Array;
  status(i: number): RunStatus;
  statuses(): RunStatus[];
  /** Advances every run by min(n, steps − step) steps; returns how many were taken. */
  advance(n: number): number;
  /** Back to step 0: θ_0, fresh states, no evaluations spent. */
  reset(): void;
  /**
   * The two halves of one step, for an engine that computes the full-batch sums itself (the
   * GPU): beginStep() takes step 3 of the header for every live run (θ_k → θ_{k+1}) and
   * returns the θ at which every run needs its full-batch [L, Gx, Gy] (x, y per run; a
   * diverged run's frozen θ too, so the layout never changes), or null at the step budget;
   * endStep(sums) takes [L, Gx, Gy] per run at those θ and does steps 1 and 2 and the record.
   * With `external: true` the race starts with the step-0 evaluation pending: the first
   * beginStep() returns θ_0 and takes no step. advance() is then refused.
   */
  beginStep(): Float64Array | null;
  endStep(sums: ArrayLike<number>): void;
}

/** Options of createDataRace. */
export interface DataRaceOptions {
  /** The full-batch sums come from outside (beginStep / endStep), not from batchValue. */
  readonly external?: boolean;
}

type MutableContext = { -readonly [K in keyof StepContext]: StepContext[K] };

class DataRaceImpl implements DataRace {
  readonly runCount: number;
  readonly steps: number;
  readonly n: number;
  step = 0;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  readonly grad: Float64Array;
  readonly gradEvals: Float64Array;
  readonly epochs: Float64Array;
  readonly code: Uint8Array;
  readonly codeStep: Int32Array;
  private readonly runs: PreparedRaceRun[];
  private readonly problem: FiniteSumProblem;
  private readonly start: readonly [number, number];
  private readonly bound: number;
  private readonly gradTol: number;
  private readonly out = new Float64Array(3);
  private readonly fullAt = new Float64Array(3);
  private readonly ctx: MutableContext;
  /** θ at which each run's full-batch sums are pending (external mode), x and y per run. */
  private readonly pending: Float64Array;
  /** External mode: 'init' = step 0's sums are pending, 'step' = step k + 1's, null = none. */
  private awaiting: 'init' | 'step' | null = null;

  constructor(
    config: DataRaceConfig,
    readonly precision: FiniteSumPrecision,
    private readonly recorder: RaceRecorder | undefined,
    private readonly external = false,
  ) {
    if (!Number.isInteger(config.steps) || config.steps < 0) throw new Error(`Race steps must be an integer ≥ 0, got ${config.steps}`);
    if (config.runs.length === 0) throw new Error('A race needs at least one run');
    const p = (this.problem = createProblem(config.loss, config.dataset, precision));
    const r = p.r;
    this.n = p.n;
    this.steps = config.steps;
    this.runs = config.runs.map((run) => prepareRaceRun(run, p.n, config.steps, config.seed >>> 0, r));
    this.runCount = this.runs.length;
    this.start = [r(config.start[0]), r(config.start[1])];
    this.bound = r(config.bound);
    this.gradTol = r(config.gradTol);
    const c = this.runCount;
    this.x = new Float64Array(c);
    this.y = new Float64Array(c);
    this.loss = new Float64Array(c);
    this.gradNorm = new Float64Array(c);
    this.grad = new Float64Array(2 * c);
    this.gradEvals = new Float64Array(c);
    this.epochs = new Float64Array(c);
    this.code = new Uint8Array(c);
    this.codeStep = new Int32Array(c);
    this.ctx = { theta: new Float64Array(2), g: new Float64Array(2), state: new Float64Array(0), t: 0, lr: 0, h: {}, r };
    this.pending = new Float64Array(2 * c);
    this.reset();
  }

  reset(): void {
    this.step = 0;
    for (let i = 0; i < this.runCount; i++) {
      resetRaceRun(this.runs[i]);
      this.code[i] = RUNNING;
      this.codeStep[i] = 0;
      this.gradEvals[i] = 0;
      this.epochs[i] = 0;
      this.x[i] = this.start[0];
      this.y[i] = this.start[1];
      if (this.external) continue;
      this.evaluateAt(i, this.start[0], this.start[1], 0);
      this.recorder?.(this, i, 0);
    }
    this.awaiting = this.external ? 'init' : null;
    if (this.external) for (let i = 0; i < this.runCount; i++) this.pending.set(this.start, 2 * i);
  }

  /** Steps 1 and 2 of the header at θ_k for run i. */
  private evaluateAt(i: number, x: number, y: number, k: number): void {
    const { out, problem: p } = this;
    const theta = this.ctx.theta;
    theta[0] = x;
    theta[1] = y;
    batchValue(p.loss, p.dataset, 'full', theta, p.precision, out, p.n);
    this.applyFull(i, x, y, k, out[0], out[1], out[2]);
  }

  /** Steps 1 and 2 with run i's full-batch sums at θ_k = (x, y) given. */
  private applyFull(i: number, x: number, y: number, k: number, f: number, gx: number, gy: number): void {
    const r = this.problem.r;
    const gn = r(Math.sqrt(r(r(gx * gx) + r(gy * gy))));
    this.x[i] = x;
    this.y[i] = y;
    this.loss[i] = f;
    this.gradNorm[i] = gn;
    this.grad[2 * i] = gx;
    this.grad[2 * i + 1] = gy;
    updateStatus(this.code, this.codeStep, i, k, x, y, f, gx, gy, gn, this.bound, this.gradTol);
  }

  /** Step 3 of the header for run i at step k: θ_k → θ_{k+1} in ctx.theta; returns its evaluations. */
  private stepRun(i: number, k: number): number {
    const run = this.runs[i];
    const { ctx, problem: p, out } = this;
    const r = p.r;
    const theta = ctx.theta;
    theta[0] = this.x[i];
    theta[1] = this.y[i];
    const lr = r(run.lr * run.m[k + 1]);
    const count = run.sampler === null ? p.n : run.sampler.indices(k, run.indices);
    if (run.method === 'sag') {
      run.sag!.step(p, run.indices, count, theta, lr);
      return count;
    }
    if (run.method === 'svrg') {
      const svrg = run.svrg!;
      const snapshot = svrg.isSnapshotStep(k);
      const fullAt = this.fullAt;
      fullAt[0] = this.loss[i];
      fullAt[1] = this.grad[2 * i];
      fullAt[2] = this.grad[2 * i + 1];
      svrg.step(p, k, run.indices, count, theta, lr, fullAt);
      return 2 * count + (snapshot ? p.n : 0);
    }
    const g = ctx.g;
    if (run.sampler === null) {
      g[0] = this.grad[2 * i];
      g[1] = this.grad[2 * i + 1];
    } else {
      batchValue(p.loss, p.dataset, run.indices, theta, p.precision, out, count);
      g[0] = out[1];
      g[1] = out[2];
    }
    clipGradNorm(g, run.maxNorm, r);
    ctx.state = run.state;
    ctx.h = run.h;
    ctx.t = k + 1;
    ctx.lr = lr;
    run.def!.step(ctx);
    return count;
  }

  beginStep(): Float64Array | null {
    if (!this.external) throw new Error('beginStep() is for a race created with external: true');
    if (this.awaiting === 'init') return this.pending;
    if (this.awaiting === 'step') throw new Error('beginStep() twice: endStep(sums) first');
    if (this.step >= this.steps) return null;
    const k = this.step;
    for (let i = 0; i < this.runCount; i++) {
      if (isDiverged(this.code[i])) {
        this.pending[2 * i] = this.x[i];
        this.pending[2 * i + 1] = this.y[i];
        continue;
      }
      this.gradEvals[i] += this.stepRun(i, k);
      this.epochs[i] = this.gradEvals[i] / this.n;
      this.pending[2 * i] = this.ctx.theta[0];
      this.pending[2 * i + 1] = this.ctx.theta[1];
    }
    this.awaiting = 'step';
    return this.pending;
  }

  endStep(sums: ArrayLike<number>): void {
    if (this.awaiting === null) throw new Error('endStep() without beginStep()');
    if (sums.length < 3 * this.runCount) throw new Error(`endStep needs [L, Gx, Gy] for ${this.runCount} runs, got ${sums.length} values`);
    const r = this.problem.r;
    const k = this.awaiting === 'init' ? 0 : this.step + 1;
    for (let i = 0; i < this.runCount; i++) {
      if (k === 0 || !isDiverged(this.code[i])) {
        this.applyFull(i, this.pending[2 * i], this.pending[2 * i + 1], k, r(sums[3 * i]), r(sums[3 * i + 1]), r(sums[3 * i + 2]));
      }
      this.recorder?.(this, i, k);
    }
    this.step = k;
    this.awaiting = null;
  }

  advance(n: number): number {
    if (this.external) throw new Error('A race with external sums steps through beginStep() / endStep()');
    const take = Math.max(0, Math.min(Math.floor(n), this.steps - this.step));
    const k0 = this.step;
    for (let i = 0; i < this.runCount; i++) {
      for (let k = k0; k < k0 + take; k++) {
        if (!isDiverged(this.code[i])) {
          const evals = this.stepRun(i, k);
          this.gradEvals[i] += evals;
          this.epochs[i] = this.gradEvals[i] / this.n;
          const theta = this.ctx.theta;
          this.evaluateAt(i, theta[0], theta[1], k + 1);
        }
        this.recorder?.(this, i, k + 1);
      }
    }
    this.step = k0 + take;
    return take;
  }

  stateOf(i: number): Float64Array {
    return this.runs[i].state;
  }

  status(i: number): RunStatus {
    return toRunStatus(this.code[i], this.codeStep[i]);
  }

  statuses(): RunStatus[] {
    return Array.from({ length: this.runCount }, (_, i) => this.status(i));
  }
}

/**
 * A race at step 0 (θ_0 evaluated and checked, the recorder called for step 0), or with
 * `external`, a race whose step-0 evaluation waits for beginStep() / endStep().
 */
export function createDataRace(config: DataRaceConfig, precision: FiniteSumPrecision = 'f64', recorder?: RaceRecorder, options: DataRaceOptions = {}): DataRace {
  return new DataRaceImpl(config, precision, recorder, options.external ?? false);
}

/** Full trajectory of one run of a race: records k = 0..steps. */
export interface RaceTrace {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  readonly gradEvals: Float64Array;
  readonly epochs: Float64Array;
  readonly status: RunStatus;
}

/** Runs a race to its step budget and returns every run's trace (steps + 1 records). */
export function raceTraces(config: DataRaceConfig, precision: FiniteSumPrecision = 'f64'): RaceTrace[] {
  const len = config.steps + 1;
  const traces = config.runs.map(() => ({
    x: new Float64Array(len), y: new Float64Array(len), loss: new Float64Array(len),
    gradNorm: new Float64Array(len), gradEvals: new Float64Array(len), epochs: new Float64Array(len),
  }));
  const race = createDataRace(config, precision, (s, i, k) => {
    const t = traces[i];
    t.x[k] = s.x[i];
    t.y[k] = s.y[i];
    t.loss[k] = s.loss[i];
    t.gradNorm[k] = s.gradNorm[i];
    t.gradEvals[k] = s.gradEvals[i];
    t.epochs[k] = s.epochs[i];
  });
  race.advance(config.steps);
  return traces.map((t, i) => ({ ...t, status: race.status(i) }));
}
