/**
 * Styblinski–Tang in 2-D: ½Σ(xᵢ⁴ − 16xᵢ² + 5xᵢ). Each coordinate has a deep root at
 * −2.903534 and a shallower one at 2.746803 of 4x³ − 32x + 5 = 0, giving four minima; the
 * global one is 2·(−39.16616570377142) = −78.33233140754284.
 */
import { compileCached } from './compileCache';
import { cachedByParams, minimaFromSeeds } from './numericMinima';
import type { ObjectiveDef } from './types';

const FORMULA = '0.5*(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)';
export const STYBLINSKI_TANG_MIN = -78.33233140754284;
const R1 = -2.903534;
const R2 = 2.746803;
const SEEDS = [
  [R1, R1],
  [R1, R2],
  [R2, R1],
  [R2, R2],
] as const;

export const styblinskiTang: ObjectiveDef = {
  id: 'styblinski_tang',
  name: 'Styblinski–Tang',
  formula: FORMULA,
  params: [],
  derived: [],
  derive: () => ({}),
  domain: { x: [-5, 5], y: [-5, 5] },
  view: { x: [-5, 5], y: [-5, 5] },
  minima: cachedByParams(() => minimaFromSeeds(compileCached(FORMULA, []), [], SEEDS, STYBLINSKI_TANG_MIN)),
  start: [0.5, 4.5],
  colorScale: 'linear',
  bounded: true,
};
