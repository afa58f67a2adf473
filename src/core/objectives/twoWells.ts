/**
 * A shallow bowl with two Gaussian wells: a deep, narrow one at (1.5, 1) and a shallower,
 * wider one at (−1.5, −1). The shallow well is a true local minimum (its curvature 2·d2/0.8
 * dwarfs the bowl's slope there), so plain gradient descent started near it stays trapped
 * while momentum can carry a run over the ridge: from the default start, gd with lr 0.1 ends
 * in the shallow well, torch SGD with momentum 0.9 in the deep one. Minima are computed by
 * Newton per params; a well flattened away (d → 0) drops out of the list.
 */
import { compileCached, paramVector } from './compileCache';
import { cachedByParams, minimaFromSeeds } from './numericMinima';
import type { ObjectiveDef } from './types';

const FORMULA = '0.05*(x^2 + y^2) - d1*exp(-((x - 1.5)^2 + (y - 1)^2)) - d2*exp(-((x + 1.5)^2 + (y + 1)^2)/0.8)';
const SEEDS = [
  [1.5, 1],
  [-1.5, -1],
] as const;

export const twoWells: ObjectiveDef = {
  id: 'two_wells',
  name: 'Two wells',
  formula: FORMULA,
  params: [
    { name: 'd1', symbol: 'd_1', default: 2, min: 0, max: 5, scale: 'linear' },
    { name: 'd2', symbol: 'd_2', default: 1, min: 0, max: 5, scale: 'linear' },
  ],
  derived: [],
  derive: () => ({}),
  domain: { x: [-4, 4], y: [-4, 4] },
  view: { x: [-4, 4], y: [-4, 4] },
  minima: cachedByParams((p) => minimaFromSeeds(compileCached(FORMULA, ['d1', 'd2']), paramVector(twoWells, p), SEEDS)),
  start: [-3.5, 3],
  colorScale: 'linear',
  bounded: true,
};
