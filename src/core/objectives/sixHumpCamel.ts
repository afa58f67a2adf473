/**
 * Six-hump camel: two global minima ±(0.0898, −0.7126) with value −1.0316284534898774 and four
 * local ones; positions are refined numerically from the literature approximations.
 */
import { compileCached } from './compileCache';
import { cachedByParams, minimaFromSeeds } from './numericMinima';
import type { ObjectiveDef } from './types';

const FORMULA = '(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2';
/** Literature value of the global minimum (e.g. Jamil & Yang 2013; SFU test-function library). */
export const SIX_HUMP_CAMEL_MIN = -1.0316284534898774;
const SEEDS = [
  [0.0898, -0.7126],
  [-0.0898, 0.7126],
  [1.7036, -0.7961],
  [-1.7036, 0.7961],
  [1.6071, 0.5687],
  [-1.6071, -0.5687],
] as const;

export const sixHumpCamel: ObjectiveDef = {
  id: 'six_hump_camel',
  name: 'Six-hump camel',
  formula: FORMULA,
  params: [],
  derived: [],
  derive: () => ({}),
  domain: { x: [-3, 3], y: [-2, 2] },
  view: { x: [-2.5, 2.5], y: [-1.5, 1.5] },
  minima: cachedByParams(() => minimaFromSeeds(compileCached(FORMULA, []), [], SEEDS, SIX_HUMP_CAMEL_MIN)),
  start: [-2, 1.2],
  colorScale: 'linear',
  bounded: true,
};
