/**
 * The mean squared error of linear regression, L(w, b) = (1/n) Σ (w·x_i + b − y_i)², is a
 * quadratic in (w, b) whose coefficients are five data means:
 *   L(w, b) = Sxx·w² + 2·Sx·w·b + b² − 2·Sxy·w − 2·Sy·b + Syy,
 *   Sxx = mean(x²), Sx = mean(x), Sxy = mean(x·y), Sy = mean(y), Syy = mean(y²)
 * (expand the square and average term by term). So the surface view can draw the exact loss
 * landscape from one formula instead of n samples per pixel, and the optimum is the solution
 * of the normal equations [Sxx Sx; Sx 1]·(w, b) = (Sxy, Sy).
 */
import type { Dataset } from '../data/types';
import { treeSum } from './treeSum';

/** The MSE surface of a regression dataset, in the formula language (θ = (w, b) as (x, y)). */
export interface RegressionQuadratic {
  /** Formula text in x, y and the params below. */
  readonly formula: string;
  /** Parameter names in `values` order: Sxx, Sx, Sxy, Sy, Syy. */
  readonly params: readonly string[];
  readonly values: Float64Array;
  /** The same formula with the values written in (float64 round-trip), for a param-less 'custom' objective. */
  readonly literalFormula: string;
  /** Least-squares optimum, or null when every x is equal (the normal equations are singular). */
  readonly optimum: { readonly w: number; readonly b: number } | null;
}

export const REGRESSION_QUADRATIC_FORMULA = 'Sxx*x^2 + 2*Sx*x*y + y^2 - 2*Sxy*x - 2*Sy*y + Syy';
export const REGRESSION_QUADRATIC_PARAMS: readonly string[] = ['Sxx', 'Sx', 'Sxy', 'Sy', 'Syy'];

function column(dataset: Dataset, name: string): Float64Array {
  const i = dataset.names.indexOf(name);
  if (i < 0) throw new Error(`A regression dataset needs a column '${name}' (columns: ${dataset.names.join(', ')})`);
  return dataset.columns[i];
}

/** Mean by treeSum (pairwise: more accurate than left to right, and the order every sum uses). */
function mean(v: Float64Array): number {
  return treeSum(v) / v.length;
}

/** The quadratic of a regression dataset (columns 'x', 'y'), its literal form and its optimum. */
export function regressionQuadratic(dataset: Dataset): RegressionQuadratic {
  if (dataset.kind !== 'regression') throw new Error(`The MSE quadratic needs a regression dataset, got '${dataset.kind}'`);
  const x = column(dataset, 'x');
  const y = column(dataset, 'y');
  const n = dataset.n;
  if (n < 1) throw new Error(`A regression needs at least one sample, got n = ${n}`);
  const prod = (f: (i: number) => number): Float64Array => Float64Array.from({ length: n }, (_, i) => f(i));
  const Sx = mean(x);
  const Sy = mean(y);
  const values = Float64Array.of(mean(prod((i) => x[i] * x[i])), Sx, mean(prod((i) => x[i] * y[i])), Sy, mean(prod((i) => y[i] * y[i])));
  // The optimum from centred moments: Sxx − Sx² cancels badly when the mean of x is large.
  const varX = mean(prod((i) => (x[i] - Sx) * (x[i] - Sx)));
  const covXY = mean(prod((i) => (x[i] - Sx) * (y[i] - Sy)));
  let optimum: RegressionQuadratic['optimum'] = null;
  if (varX > 0) {
    const w = covXY / varX;
    optimum = { w, b: Sy - w * Sx };
  }
  let literalFormula = REGRESSION_QUADRATIC_FORMULA;
  // Whole words only (\b), so 'Sx' does not match inside 'Sxx'; String(v) round-trips a float64.
  REGRESSION_QUADRATIC_PARAMS.forEach((name, i) => {
    literalFormula = literalFormula.replace(new RegExp(`\\b${name}\\b`, 'g'), `(${String(values[i])})`);
  });
  return { formula: REGRESSION_QUADRATIC_FORMULA, params: REGRESSION_QUADRATIC_PARAMS, values, literalFormula, optimum };
}
