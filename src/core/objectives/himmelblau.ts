/**
 * Himmelblau's function: four global minima, all with value 0. Only (3, 2) has a closed form;
 * the other three are the literature approximations refined by Newton to full precision.
 */
import { cachedByParams, minimaFromSeeds } from './numericMinima';
import { compileCached } from './compileCache';
import type { ObjectiveDef } from './types';

const FORMULA = '(x^2 + y - 11)^2 + (x + y^2 - 7)^2';
const SEEDS = [
  [3, 2],
  [-2.805118, 3.131312],
  [-3.77931, -3.283186],
  [3.584428, -1.848126],
] as const;

export const himmelblau: ObjectiveDef = {
  id: 'himmelblau',
  name: 'Himmelblau',
  formula: FORMULA,
  params: [],
  derived: [],
  derive: () => ({}),
  domain: { x: [-5, 5], y: [-5, 5] },
  view: { x: [-5, 5], y: [-5, 5] },
  minima: cachedByParams(() => minimaFromSeeds(compileCached(FORMULA, []), [], SEEDS, 0)),
  start: [0, 0],
  colorScale: 'log',
  bounded: true,
};
