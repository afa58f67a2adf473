/**
 * Rastrigin's function: a bowl covered in a regular grid of local minima (one near every
 * integer point). Only the global minimum is listed: 0 at the origin, for every A ≥ 0.
 */
import type { ObjectiveDef } from './types';

export const rastrigin: ObjectiveDef = {
  id: 'rastrigin',
  name: 'Rastrigin',
  formula: '2*A + x^2 - A*cos(2*pi*x) + y^2 - A*cos(2*pi*y)',
  params: [{ name: 'A', symbol: 'A', default: 10, min: 0, max: 20, scale: 'linear' }],
  derived: [],
  derive: () => ({}),
  domain: { x: [-5.12, 5.12], y: [-5.12, 5.12] },
  view: { x: [-5.12, 5.12], y: [-5.12, 5.12] },
  minima: () => [{ x: 0, y: 0, value: 0, global: true }],
  start: [3.3, -2.7],
  colorScale: 'linear',
  bounded: true,
};
