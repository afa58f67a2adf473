/**
 * Goldstein–Price: global minimum 3 at (0, −1); values span six orders of magnitude over the
 * view, hence the log colour scale. The three local minima (values ≈ 30, 84, 840) are refined
 * numerically from their literature positions.
 *
 * Gradients reach 1e6 over the view, so learning rates that suit the other surfaces throw
 * gradient descent out of the domain at step 1 (NaN or the bound at step 2): lrScale 0.01 scales
 * the gradient-proportional optimizers (measured with the f64 simulator from this start: at 0.03
 * no default run diverges, at 0.1 momentum does at step 7; 0.01 keeps a margin).
 * From (−1.5, 0.5) the default race splits between the local minimum 30 and, for momentum,
 * the global one: a lesson in what momentum buys.
 */
import { compileCached } from './compileCache';
import { cachedByParams, minimaFromSeeds } from './numericMinima';
import type { ObjectiveDef } from './types';

const FORMULA =
  '(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))' +
  '*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))';
const SEEDS = [
  [0, -1],
  [-0.6, -0.4],
  [1.8, 0.2],
  [1.2, 0.8],
] as const;

export const goldsteinPrice: ObjectiveDef = {
  id: 'goldstein_price',
  name: 'Goldstein–Price',
  formula: FORMULA,
  params: [],
  derived: [],
  derive: () => ({}),
  domain: { x: [-2, 2], y: [-2, 2] },
  view: { x: [-2, 2], y: [-2, 2] },
  minima: cachedByParams(() => minimaFromSeeds(compileCached(FORMULA, []), [], SEEDS, 3)),
  start: [-1.5, 0.5],
  colorScale: 'log',
  bounded: true,
  lrScale: 0.01,
};
