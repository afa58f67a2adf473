import type { Dataset } from './types';

/**
 * Column statistics and the exact least-squares line of a regression dataset: what the UI shows
 * as "the minimum the optimizers should find" and what the generators use to z-score features.
 * Float64 throughout (these are reference values, not GPU-parity arithmetic).
 */

/**
 * Neumaier-compensated sum of values[0..n). A million plain float64 additions can lose ~1e-10
 * relative accuracy; the z-scoring promise "mean 0 and std 1 to 1e-12" needs better than that.
 */
function compensatedSum(n: number, term: (i: number) => number): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = term(i);
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + c;
}

/** Arithmetic mean of a column (NaN for an empty column). */
export function mean(values: ArrayLike<number>): number {
  return compensatedSum(values.length, (i) => values[i]) / values.length;
}

/**
 * Population standard deviation (divides by n, not n − 1), two-pass: the spread a z-scored
 * column divides by, so `std(zScore(v)) = 1` under this same definition.
 */
export function std(values: ArrayLike<number>, m: number = mean(values)): number {
  return Math.sqrt(compensatedSum(values.length, (i) => (values[i] - m) * (values[i] - m)) / values.length);
}

/** Mean and (population) standard deviation of a column. */
export interface ColumnStats {
  readonly mean: number;
  readonly std: number;
}

/** Mean and std of every column of a dataset, in `dataset.names` order. */
export function columnStats(dataset: Dataset): ColumnStats[] {
  return dataset.columns.map((c) => {
    const m = mean(c);
    return { mean: m, std: std(c, m) };
  });
}

/**
 * The column's exact z-score, (v − mean) / std, as a new array. Throws when the column has no
 * spread: dividing by a zero std would fill the dataset with NaN.
 */
export function zScore(values: ArrayLike<number>, label = 'column'): Float64Array<ArrayBuffer> {
  const m = mean(values);
  const s = std(values, m);
  if (!(s > 0) || !Number.isFinite(s)) throw new Error(`zScore: ${label} has no spread (std ${s}), cannot standardize`);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] - m) / s;
  return out;
}

/** A line y = w·x + b. */
export interface Line {
  readonly w: number;
  readonly b: number;
}

/**
 * The least-squares line of a regression dataset: the (w, b) minimising the mean squared error
 * (1/n) Σ (w·x_i + b − y_i)², i.e. the minimum of LINEAR_REGRESSION_LOSS. It solves the 2×2
 * normal equations [Σx² Σx; Σx n]·(w, b) = (Σxy, Σy) in centred form, w = Sxy/Sxx and
 * b = ȳ − w·x̄: the same solution, without the cancellation that Σx² − (Σx)²/n suffers when
 * x sits far from zero (years, prices). Throws when x is (numerically) constant: the normal
 * matrix is then singular and every slope fits equally well.
 */
export function linearFit(dataset: Dataset): Line {
  if (dataset.kind !== 'regression') throw new Error(`linearFit: needs a regression dataset, got '${dataset.kind}'`);
  const [x, y] = dataset.columns;
  const n = dataset.n;
  if (n < 2) throw new Error(`linearFit: needs at least 2 samples, got ${n}`);
  const mx = mean(x);
  const my = mean(y);
  const sxx = compensatedSum(n, (i) => (x[i] - mx) * (x[i] - mx));
  const sxy = compensatedSum(n, (i) => (x[i] - mx) * (y[i] - my));
  let maxAbs = 0;
  for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(x[i]));
  // Equal x values still leave rounding residue in x_i − x̄ (the mean of ten 0.1s is not 0.1);
  // a spread below a few ulps of the data is that residue, not information about the slope.
  const ulpSpread = 64 * Number.EPSILON * maxAbs;
  if (!(sxx > n * ulpSpread * ulpSpread) || !Number.isFinite(sxx)) {
    throw new Error(`linearFit: x is constant (all ${n} samples ≈ ${mx}), so the slope is undetermined`);
  }
  const w = sxy / sxx;
  return { w, b: my - w * mx };
}
