/**
 * SVRG, stochastic variance-reduced gradient: Johnson & Zhang, "Accelerating stochastic gradient
 * descent using predictive variance reduction" (NIPS 2013), Procedure SVRG with option I:
 *   every m steps: θ̃ = θ, μ = ∇L(θ̃) = (1/n) Σ_i ∇ℓ_i(θ̃) (a full pass);
 *   each step: pick i, θ ← θ − α(∇ℓ_i(θ) − ∇ℓ_i(θ̃) + μ).
 * Option I continues from the last inner iterate (θ̃_s = w_m), so the snapshot is simply the
 * current θ every m steps: at local steps k = 0, m, 2m, … before that step's update (a
 * deterministic schedule). m defaults to 2n, the paper's choice for its convex experiments (§4).
 * With B > 1 the difference ∇ℓ_i(θ) − ∇ℓ_i(θ̃) is averaged over the batch.
 *
 * Order of operations (r = identity or f32 rounding; a GPU kernel repeats it):
 *   snapshot: θ̃ = θ; μ = batchValue(…, 'full', θ̃)'s gradient (sampleLoss.ts order);
 *   for j in batch order: δ_{c,j} = r(∂_cℓ_i(θ) − ∂_cℓ_i(θ̃)), i = indices[j];
 *   D_c = r(treeSum(δ_c) · r(1/count)); v_c = r(D_c + μ_c); θ_c = r(θ_c − r(lr · v_c)).
 */
import { batchMean, batchValue, sampleValue } from './sampleLoss';
import type { FiniteSumProblem } from './problem';
import { REDUCE_WORKGROUP } from './treeSum';

/** The snapshot period m: the hyperparameter when ≥ 1, else 2n (the paper's suggestion). */
export function svrgPeriod(m: number | undefined, n: number): number {
  if (m === undefined || m === 0) return 2 * n;
  if (!Number.isInteger(m) || m < 1) throw new Error(`SVRG's update frequency m must be an integer ≥ 1 (0 = 2n), got ${m}`);
  return m;
}

/** SVRG's state for one run: the snapshot θ̃ and its full gradient μ. */
export class SvrgState {
  readonly snapshot = new Float64Array(2);
  readonly mu = new Float64Array(2);
  private dx: Float64Array;
  private dy: Float64Array;
  private readonly e = new Float64Array(3);
  private readonly es = new Float64Array(3);
  private readonly full = new Float64Array(3);
  private readonly scratch = new Float64Array(REDUCE_WORKGROUP);

  /** period = m (svrgPeriod); capacity = the largest batch (grows on demand). */
  constructor(
    readonly period: number,
    capacity = 1,
  ) {
    this.dx = new Float64Array(capacity);
    this.dy = new Float64Array(capacity);
  }

  /** Clears the snapshot (the next step at k = 0 takes one). */
  reset(): void {
    this.snapshot.fill(0);
    this.mu.fill(0);
  }

  /** True when local step k starts with a snapshot (k mod m = 0). */
  isSnapshotStep(k: number): boolean {
    return k % this.period === 0;
  }

  /**
   * θ̃ = θ and μ = the full gradient at θ. `fullAtTheta` ([L, gx, gy] at θ in batchValue's
   * order, e.g. what the race already computed for its loss chart) saves the second pass.
   */
  takeSnapshot(p: FiniteSumProblem, theta: ArrayLike<number>, fullAtTheta?: ArrayLike<number>): void {
    this.snapshot[0] = theta[0];
    this.snapshot[1] = theta[1];
    let g: ArrayLike<number> | undefined = fullAtTheta;
    if (g === undefined) {
      batchValue(p.loss, p.dataset, 'full', theta, p.precision, this.full);
      g = this.full;
    }
    this.mu[0] = g[1];
    this.mu[1] = g[2];
  }

  /** Local step k at θ (updated in place) over indices[0..count); lr already rounded. */
  step(
    p: FiniteSumProblem,
    k: number,
    indices: ArrayLike<number>,
    count: number,
    theta: Float64Array,
    lr: number,
    fullAtTheta?: ArrayLike<number>,
  ): void {
    if (this.isSnapshotStep(k)) this.takeSnapshot(p, theta, fullAtTheta);
    if (this.dx.length < count) {
      this.dx = new Float64Array(count);
      this.dy = new Float64Array(count);
    }
    const { r } = p;
    const { e, es, dx, dy } = this;
    for (let j = 0; j < count; j++) {
      sampleValue(p.loss, p.columns, indices[j], theta, p.precision, e);
      sampleValue(p.loss, p.columns, indices[j], this.snapshot, p.precision, es);
      dx[j] = r(e[1] - es[1]);
      dy[j] = r(e[2] - es[2]);
    }
    const vx = r(batchMean(dx, count, r, this.scratch) + this.mu[0]);
    const vy = r(batchMean(dy, count, r, this.scratch) + this.mu[1]);
    theta[0] = r(theta[0] - r(lr * vx));
    theta[1] = r(theta[1] - r(lr * vy));
  }
}
