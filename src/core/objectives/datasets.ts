/**
 * Dataset objectives (finite sums): the loss is the mean of a per-sample loss over samples drawn
 * from the experiment's seed, so a link reproduces the data. The model has two parameters, the
 * surface view's axes: (w, b) of a line, or (w1, w2) of a linear classifier through the origin.
 *
 * `formula` is what the surface view, the previews and the minima use: for linear regression
 * the exact full-batch loss, a quadratic in (w, b) whose coefficients are the data's moments
 * (derived parameters); for logistic regression the per-sample loss, whose mean the surface
 * view takes (src/core/objectives/datasetSurface.ts). The engines step dataset objectives with
 * the per-sample loss and the run's batch regime (src/core/finiteSum), never with `formula`.
 */
import { linearFit } from '../data';
import { LINEAR_REGRESSION_LOSS, LOGISTIC_REGRESSION_LOSS } from '../finiteSum/losses';
import { datasetFor } from './datasetCache';
import { logisticOptimum } from './datasetSurface';
import type { KnownMinimum, ObjectiveDef, ObjectiveParamSpec } from './types';

const samples: ObjectiveParamSpec = { name: 'n', symbol: 'n', default: 200, min: 10, max: 1_000_000, scale: 'log', kind: 'int' };
const standardize: ObjectiveParamSpec = { name: 'standardize', symbol: '\\text{standardize}', default: 1, min: 0, max: 1, scale: 'linear', kind: 'bool' };
/**
 * Which samples: 0 = drawn from the seed with the params above; otherwise the content id of an
 * imported CSV (src/core/data/imported.ts), for which n, noise, outliers and overlap do not apply
 * (standardize does). Hidden: set by importing a file, carried by links as `data=<id>`.
 */
const data: ObjectiveParamSpec = { name: 'data', symbol: '\\text{data}', default: 0, min: 0, max: 0xffffffff, scale: 'linear', kind: 'int', hidden: true };

/** Moments of the regression data: the coefficients of its exact mean squared error. */
function moments(p: Readonly<Record<string, number>>, seed = 1): Record<string, number> {
  const d = datasetFor('linear_regression', p, seed);
  const [x, y] = d.columns;
  let sxx = 0, sx = 0, sxy = 0, sy = 0, syy = 0;
  for (let i = 0; i < d.n; i++) {
    sxx += x[i] * x[i];
    sx += x[i];
    sxy += x[i] * y[i];
    sy += y[i];
    syy += y[i] * y[i];
  }
  const n = d.n;
  return { Sxx: sxx / n, Sx: sx / n, Sxy: sxy / n, Sy: sy / n, Syy: syy / n };
}

export const linearRegression: ObjectiveDef = {
  id: 'linear_regression',
  name: 'Linear regression',
  // mean over i of (w·x_i + b − y_i)², expanded: x is w, y is b.
  formula: 'Sxx*x^2 + 2*Sx*x*y + y^2 - 2*Sxy*x - 2*Sy*y + Syy',
  params: [
    samples,
    { name: 'noise', symbol: '\\sigma', default: 1, min: 0, max: 10, scale: 'linear' },
    { name: 'outliers', symbol: '\\text{outliers}', default: 0, min: 0, max: 0.5, scale: 'linear' },
    standardize,
    data,
  ],
  derived: ['Sxx', 'Sx', 'Sxy', 'Sy', 'Syy'],
  derive: moments,
  domain: { x: [-4, 12], y: [-6, 14] },
  view: { x: [-4, 12], y: [-6, 14] },
  minima(p, seed = 1): KnownMinimum[] {
    const { w, b } = linearFit(datasetFor('linear_regression', p, seed));
    const m = moments(p, seed);
    const value = m.Sxx * w * w + 2 * m.Sx * w * b + b * b - 2 * m.Sxy * w - 2 * m.Sy * b + m.Syy;
    return [{ x: w, y: b, value, global: true }];
  },
  start: [-2, 12],
  colorScale: 'log',
  bounded: true,
  lrScale: 20,
  dataset: { kind: 'regression', loss: LINEAR_REGRESSION_LOSS },
};

export const logisticRegression: ObjectiveDef = {
  id: 'logistic_regression',
  name: 'Logistic regression',
  formula: LOGISTIC_REGRESSION_LOSS.formula,
  params: [samples, { name: 'overlap', symbol: '\\text{overlap}', default: 0.5, min: 0, max: 1, scale: 'linear' }, standardize, data],
  derived: [...LOGISTIC_REGRESSION_LOSS.params],
  // The per-sample formula's data columns have no single value; the surface is their mean.
  derive: () => ({ x1i: 0, x2i: 0, si: 1 }),
  domain: { x: [-4, 8], y: [-4, 8] },
  view: { x: [-4, 8], y: [-4, 8] },
  minima(p, seed = 1): KnownMinimum[] {
    const opt = logisticOptimum(datasetFor('logistic_regression', p, seed));
    return opt ? [{ x: opt.w1, y: opt.w2, value: opt.loss, global: true }] : [];
  },
  start: [-3, 7],
  colorScale: 'log',
  bounded: true,
  lrScale: 1000,
  dataset: { kind: 'classification', loss: LOGISTIC_REGRESSION_LOSS },
};
