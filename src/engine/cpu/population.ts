/**
 * Many runs from their own start points (replicas of the experiment's template runs), for the
 * sweep and swarm views. The core Simulation takes one start for all runs, so this is a
 * structure-of-arrays twin of its loop built from the same parts (src/core/simulate/prepare,
 * status, clipGradNorm, the optimizers' step): per-step semantics are exactly the header of
 * src/core/simulate.ts, and population.test.ts holds the two together.
 */
import type { ResolvedExperiment, RunStatus } from '../../core/experiment';
import { clipGradNorm } from '../../core/optimizers';
import type { StepContext } from '../../core/optimizers/types';
import { identity, prepareObjective, prepareRuns, type PreparedRun, type Rounding } from '../../core/simulate/prepare';
import { CONVERGED, divergenceCode, isDiverged, RUNNING, toRunStatus } from '../../core/simulate/status';
import type { CpuPrecision } from './protocol';

type MutableContext = { -readonly [K in keyof StepContext]: StepContext[K] };

/** Receives (local run, step) after each evaluation of a recorded run. */
export type Recorder = (i: number, k: number) => void;

/** Runs [begin, end) of a population; run i uses template i % runs.length. */
export class Population {
  readonly count: number;
  readonly steps: number;
  step = 0;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  readonly grad: Float64Array;
  readonly code: Uint8Array;
  readonly codeStep: Int32Array;
  private readonly states: Float64Array[];
  private readonly templates: PreparedRun[];
  private readonly templateOf: Uint32Array;
  private readonly startX: Float64Array;
  private readonly startY: Float64Array;
  private readonly r: Rounding;
  private readonly f32: boolean;
  private readonly params: Float64Array;
  private readonly formula: ReturnType<typeof prepareObjective>['bound']['formula'];
  private readonly bound: number;
  private readonly gradTol: number;
  private readonly out = new Float64Array(3);
  private readonly ctx: MutableContext;

  constructor(exp: ResolvedExperiment, precision: CpuPrecision, begin: number, end: number, starts?: Float64Array) {
    this.f32 = precision === 'f32';
    const r = (this.r = this.f32 ? Math.fround : identity);
    const obj = prepareObjective(exp, r);
    this.formula = obj.bound.formula;
    this.params = obj.params;
    this.templates = prepareRuns(exp, r);
    this.steps = exp.steps;
    this.bound = r(exp.bound);
    this.gradTol = r(exp.gradTol);
    const n = (this.count = end - begin);
    const T = this.templates.length;
    this.templateOf = Uint32Array.from({ length: n }, (_, i) => (begin + i) % T);
    this.startX = new Float64Array(n);
    this.startY = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      this.startX[i] = r(starts ? starts[2 * i] : exp.start[0]);
      this.startY[i] = r(starts ? starts[2 * i + 1] : exp.start[1]);
    }
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.loss = new Float64Array(n);
    this.gradNorm = new Float64Array(n);
    this.grad = new Float64Array(2 * n);
    this.code = new Uint8Array(n);
    this.codeStep = new Int32Array(n);
    this.states = Array.from({ length: n }, (_, i) => new Float64Array(this.templates[this.templateOf[i]].state0.length));
    this.ctx = { theta: new Float64Array(2), g: new Float64Array(2), state: new Float64Array(0), t: 0, lr: 0, h: {}, r };
    this.reset();
  }

  reset(): void {
    this.step = 0;
    for (let i = 0; i < this.count; i++) {
      this.states[i].set(this.templates[this.templateOf[i]].state0);
      this.code[i] = RUNNING;
      this.codeStep[i] = 0;
      this.evaluateAt(i, this.startX[i], this.startY[i], 0);
    }
  }

  state(i: number): Float64Array {
    return this.states[i];
  }

  status(i: number): RunStatus {
    return toRunStatus(this.code[i], this.codeStep[i]);
  }

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
    const d = divergenceCode(x, y, f, gx, gy, this.bound);
    if (d !== RUNNING) {
      this.code[i] = d;
      this.codeStep[i] = k;
    } else if (this.code[i] === RUNNING && gn <= this.gradTol) {
      this.code[i] = CONVERGED;
      this.codeStep[i] = k;
    }
  }

  /**
   * Advances every run by min(n, steps − step) steps; `record(i, k)` is called for runs
   * i < recordCount after each step k (frozen runs too: their values repeat).
   */
  advance(n: number, recordCount = 0, record?: Recorder): number {
    const take = Math.max(0, Math.min(Math.floor(n), this.steps - this.step));
    const k0 = this.step;
    const { ctx, r } = this;
    const { theta, g } = ctx;
    for (let i = 0; i < this.count; i++) {
      const run = this.templates[this.templateOf[i]];
      const def = run.def;
      const m = run.m;
      const rec = record !== undefined && i < recordCount;
      ctx.state = this.states[i];
      ctx.h = run.h;
      for (let k = k0; k < k0 + take; k++) {
        if (isDiverged(this.code[i])) {
          if (rec) record(i, k + 1);
          continue;
        }
        g[0] = this.grad[2 * i];
        g[1] = this.grad[2 * i + 1];
        clipGradNorm(g, run.maxNorm, r);
        theta[0] = this.x[i];
        theta[1] = this.y[i];
        ctx.t = k + 1;
        ctx.lr = r(run.lr * m[k + 1]);
        def.step(ctx);
        this.evaluateAt(i, theta[0], theta[1], k + 1);
        if (rec) record(i, k + 1);
      }
    }
    this.step = k0 + take;
    return take;
  }
}
