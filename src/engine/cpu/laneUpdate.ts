/**
 * The optimizer update of a population chunk: step 3 of the simulator's header (clip, then the
 * optimizer's step at θ_k) for every active lane of ./lanes. Each run's t and schedule come from
 * its local step, k + 1 − origin (its restart step), so restarted runs of one chunk may need
 * different t: the chunk then takes the scalar step per lane, and stepBatch only when all its
 * lanes share one origin.
 */
import { clipGradNorm } from '../../core/optimizers';
import type { StepContext } from '../../core/optimizers/types';
import type { PreparedRun, Rounding } from '../../core/simulate/prepare';
import type { Lanes } from './lanes';

type MutableContext = { -readonly [K in keyof StepContext]: StepContext[K] };

/** Steps a population's lanes; reads (never writes) the population's run origins. */
export class LaneUpdate {
  private readonly lanes: Lanes;
  private readonly r: Rounding;
  /** Global step at which each local run (re)started: the population's array, shared. */
  private readonly origins: Int32Array;
  /** One context reused by every scalar step (no allocation per lane and step). */
  private readonly ctx: MutableContext;

  constructor(lanes: Lanes, r: Rounding, maxStride: number, origins: Int32Array) {
    this.lanes = lanes;
    this.r = r;
    this.origins = origins;
    this.ctx = { theta: new Float64Array(2), g: new Float64Array(2), state: new Float64Array(maxStride), t: 0, lr: 0, h: {}, r };
  }

  /**
   * θ_k → θ_{k+1} for lanes [0, active) of template `run`; `restarted` is false while every
   * origin is 0 (then all lanes share t = k + 1 without looking).
   */
  apply(run: PreparedRun, k: number, restarted: boolean): void {
    const L = this.lanes;
    const r = this.r;
    const n = L.active;
    let gx = L.gx;
    let gy = L.gy;
    if (run.maxNorm > 0) {
      const g = this.ctx.g;
      for (let j = 0; j < n; j++) {
        g[0] = gx[j];
        g[1] = gy[j];
        clipGradNorm(g, run.maxNorm, r);
        L.cx[j] = g[0];
        L.cy[j] = g[1];
      }
      gx = L.cx;
      gy = L.cy;
    }
    // One t for the chunk unless restarted runs with different origins share it.
    const o = restarted ? this.commonOrigin(n) : 0;
    const def = run.def;
    if (o < 0) {
      this.stepEach(run, gx, gy, k + 1);
    } else if (def.stepBatch) {
      const t = k + 1 - o;
      def.stepBatch({ n, x: L.x, y: L.y, gx, gy, state: L.state, stride: L.stride, t, lr: r(run.lr * run.m[t]), h: run.h, r });
    } else {
      this.stepEach(run, gx, gy, k + 1, o);
    }
  }

  /** The origin shared by the first n lanes' runs, or -1 when they differ. */
  private commonOrigin(n: number): number {
    const L = this.lanes;
    const o = n > 0 ? this.origins[L.run[0]] : 0;
    for (let j = 1; j < n; j++) if (this.origins[L.run[j]] !== o) return -1;
    return o;
  }

  /**
   * The scalar `step` per lane, for optimizers without stepBatch and for chunks whose lanes
   * have different origins (one reused context): lane j takes t = k1 − origin, or k1 − o when
   * `o` (a common origin) is given.
   */
  private stepEach(run: PreparedRun, gx: Float64Array, gy: Float64Array, k1: number, o = -1): void {
    const L = this.lanes;
    const S = L.stride;
    const ctx = this.ctx;
    const { theta, g, state } = ctx;
    ctx.h = run.h;
    for (let j = 0; j < L.active; j++) {
      const t = k1 - (o >= 0 ? o : this.origins[L.run[j]]);
      ctx.t = t;
      ctx.lr = this.r(run.lr * run.m[t]);
      theta[0] = L.x[j];
      theta[1] = L.y[j];
      g[0] = gx[j];
      g[1] = gy[j];
      for (let s = 0; s < S; s++) state[s] = L.state[j * S + s];
      run.def.step(ctx);
      for (let s = 0; s < S; s++) L.state[j * S + s] = state[s];
      L.x[j] = theta[0];
      L.y[j] = theta[1];
    }
  }
}
