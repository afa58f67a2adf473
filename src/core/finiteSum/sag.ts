/**
 * SAG, the stochastic average gradient of Schmidt, Le Roux & Bach, "Minimizing finite sums with
 * the stochastic average gradient" (Math. Programming 162, 2017), Algorithm 1:
 *   d = 0, y_i = 0 for i = 1..n; each step: pick i, d ← d − y_i + f_i'(θ), y_i ← f_i'(θ),
 *   θ ← θ − (α/m)·d,
 * with m the number of distinct samples seen so far instead of n: the paper's §4.2
 * ("Re-weighting on early iterations") for y initialised to 0, where dividing by n makes the
 * first steps too small because most y_i are still the uninformative zero.
 *
 * Mini-batches (B > 1): the B entries of the batch are updated in batch order, every gradient
 * taken at the same θ_k, then one θ update. A sample drawn twice in one batch (replacement)
 * replaces its entry by the same gradient again, so d does not change the second time.
 *
 * Order of operations (r = identity or f32 rounding; a GPU kernel repeats it):
 *   for j in batch order, i = indices[j], g = ∇ℓ_i(θ_k) (sampleLoss.sampleValue):
 *     d_c = r(r(d_c − y_{i,c}) + g_c), y_{i,c} = g_c (c = x, y); first visit of i: m ← m + 1;
 *   invM = r(1/m) (float64 division, rounded: m depends only on the indices, so the host can
 *   send it); θ_c = r(θ_c − r(lr · r(d_c · invM))).
 */
import type { FiniteSumPrecision } from './sampleLoss';
import { sampleValue } from './sampleLoss';
import type { FiniteSumProblem } from './problem';

/** Bytes of SAG's gradient table for n samples: 2 values per sample, 8 (f64) or 4 (f32) each. */
export function sagMemoryBytes(n: number, precision: FiniteSumPrecision): number {
  return 2 * n * (precision === 'f32' ? 4 : 8);
}

/** SAG's state for one run: the table y, the running sum d and the seen-set behind m. */
export class SagState {
  /** y_i at [2i] (x) and [2i + 1] (y). */
  readonly table: Float64Array;
  /** d = Σ_i y_i, kept as a running sum as in Algorithm 1. */
  readonly d = new Float64Array(2);
  /** Number of distinct samples seen so far. */
  m = 0;
  private readonly seen: Uint8Array;
  private readonly e = new Float64Array(3);

  constructor(readonly n: number) {
    this.table = new Float64Array(2 * n);
    this.seen = new Uint8Array(n);
  }

  /** Back to the initial state: y = 0, d = 0, nothing seen. */
  reset(): void {
    this.table.fill(0);
    this.seen.fill(0);
    this.d.fill(0);
    this.m = 0;
  }

  /** One SAG step at θ (updated in place) over indices[0..count), step size lr (already rounded). */
  step(p: FiniteSumProblem, indices: ArrayLike<number>, count: number, theta: Float64Array, lr: number): void {
    const r = p.r;
    const { table, d, e } = this;
    for (let j = 0; j < count; j++) {
      const i = indices[j];
      sampleValue(p.loss, p.columns, i, theta, p.precision, e);
      d[0] = r(r(d[0] - table[2 * i]) + e[1]);
      d[1] = r(r(d[1] - table[2 * i + 1]) + e[2]);
      table[2 * i] = e[1];
      table[2 * i + 1] = e[2];
      if (this.seen[i] === 0) {
        this.seen[i] = 1;
        this.m++;
      }
    }
    const invM = r(1 / this.m);
    theta[0] = r(theta[0] - r(lr * r(d[0] * invM)));
    theta[1] = r(theta[1] - r(lr * r(d[1] * invM)));
  }
}
