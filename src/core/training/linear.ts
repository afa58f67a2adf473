/**
 * Mini-batch training of a linear model, in float64.
 *
 * Model: ŷ = Σ_j x_j w_j + b, d weights and one bias, p = d + 1 parameters, θ = (w_1..w_d, b).
 * The textbook example's "10 parameters" are 9 weights and a bias: linear regression as
 * textbooks print it has an intercept, and the data's y = X·w* + b* needs one to be fitted.
 *
 * Loss: L(θ) = ½ · (1/n) Σ_i (ŷ_i − y_i)². The ½ is the textbook convention (Goodfellow et
 * al., d2l): the gradient is then the plain mean of r_i·x_i (r_i = ŷ_i − y_i), the Hessian is
 * XᵀX/n (about I for standard-normal features, so GD is stable for α below about 2), and the
 * noise floor — the loss of the least-squares fit — is about σ²/2 · (n − p)/n. (The app's 2-D
 * dataset objective, src/core/finiteSum/losses.ts, is the mean without the ½: its numbers are
 * twice these.)
 *
 * Epochs: epoch e visits the samples in epochOrder(seed, e) (./shuffle.ts), in consecutive
 * batches of B; the last batch holds the n mod B left over (PyTorch's drop_last = False), and
 * each batch's gradient is the mean over its own size. B = n is full-batch gradient descent.
 *
 * Order of arithmetic: every sum over samples (a gradient component, the loss) is a treeSum
 * (src/core/finiteSum/treeSum.ts), the GPU's reduction order; a prediction sums its d products
 * left to right in feature order, then adds b.
 */
import { REDUCE_WORKGROUP, treeSum } from '../finiteSum/treeSum';
import type { TrainingOptimizer } from './config';
import type { LinearData } from './data';
import { epochOrder } from './shuffle';
import { applyUpdate } from './update';

/** Everything the training loop needs besides the data. */
export interface TrainOptions {
  readonly optimizer: TrainingOptimizer;
  readonly lr: number;
  readonly beta: number;
  readonly batch: number;
  readonly epochs: number;
  /** Seed of the per-epoch shuffles. */
  readonly seed: number;
  /** Starting parameters (length d + 1); zeros when absent. */
  readonly init?: ArrayLike<number>;
}

/** What training gives back. */
export interface TrainResult {
  /** Full-batch loss at the start (index 0) and after every epoch (index e). */
  readonly losses: Float64Array;
  /** Final parameters, w_1..w_d then b. */
  readonly params: Float64Array;
  /** Optimizer steps taken: epochs · ⌈n / B⌉. */
  readonly steps: number;
}

const identity = (v: number): number => v;

/** ŷ_i − y_i for sample i. */
function residual(data: LinearData, theta: Float64Array, i: number): number {
  const { d, x } = data;
  let s = 0;
  for (let j = 0; j < d; j++) s += x[i * d + j] * theta[j];
  return s + theta[d] - data.y[i];
}

/** The full-batch loss ½·mean(r²), summed in tree order. */
export function linearLoss(data: LinearData, theta: Float64Array, scratch = new Float64Array(REDUCE_WORKGROUP)): number {
  const sq = new Float64Array(data.n);
  for (let i = 0; i < data.n; i++) {
    const r = residual(data, theta, i);
    sq[i] = r * r;
  }
  return 0.5 * (treeSum(sq, data.n, identity, scratch) / data.n);
}

/**
 * The mean gradient over samples idx[start .. start+m) into g (length d + 1): g_j = mean(r·x_j),
 * g_b = mean(r). `r` and `prod` are scratch of length ≥ m.
 */
export function batchGradient(
  data: LinearData,
  theta: Float64Array,
  idx: ArrayLike<number>,
  start: number,
  m: number,
  g: Float64Array,
  r: Float64Array = new Float64Array(m),
  prod: Float64Array = new Float64Array(m),
  scratch: Float64Array = new Float64Array(REDUCE_WORKGROUP),
): void {
  const { d, x } = data;
  for (let k = 0; k < m; k++) r[k] = residual(data, theta, idx[start + k]);
  for (let j = 0; j < d; j++) {
    for (let k = 0; k < m; k++) prod[k] = r[k] * x[idx[start + k] * d + j];
    g[j] = treeSum(prod, m, identity, scratch) / m;
  }
  g[d] = treeSum(r, m, identity, scratch) / m;
}

/** Trains the linear model on `data` (see the module header); pure and deterministic. */
export function trainLinear(data: LinearData, opts: TrainOptions): TrainResult {
  const { n, d } = data;
  const p = d + 1;
  const B = Math.min(opts.batch, n);
  const theta = new Float64Array(p);
  if (opts.init) for (let j = 0; j < p; j++) theta[j] = opts.init[j];
  const v = new Float64Array(p);
  const g = new Float64Array(p);
  const r = new Float64Array(B);
  const prod = new Float64Array(B);
  const scratch = new Float64Array(REDUCE_WORKGROUP);
  const order = new Uint32Array(n);
  const losses = new Float64Array(opts.epochs + 1);
  losses[0] = linearLoss(data, theta, scratch);
  let steps = 0;
  for (let e = 1; e <= opts.epochs; e++) {
    epochOrder(opts.seed, e, n, order);
    for (let start = 0; start < n; start += B) {
      const m = Math.min(B, n - start);
      batchGradient(data, theta, order, start, m, g, r, prod, scratch);
      applyUpdate(opts.optimizer, theta, g, v, opts.lr, opts.beta);
      steps++;
    }
    losses[e] = linearLoss(data, theta, scratch);
  }
  return { losses, params: theta, steps };
}
