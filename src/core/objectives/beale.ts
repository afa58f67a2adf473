/** Beale's function: a flat plateau with sharp ridges; global minimum 0 at (3, 0.5). */
import type { ObjectiveDef } from './types';

export const beale: ObjectiveDef = {
  id: 'beale',
  name: 'Beale',
  formula: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2',
  params: [],
  derived: [],
  derive: () => ({}),
  domain: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
  view: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
  minima: () => [{ x: 3, y: 0.5, value: 0, global: true }],
  start: [1, 1.5],
  colorScale: 'log',
  bounded: true,
};
