/** Booth's function: a plain convex quadratic valley; minimum 0 at (1, 3). */
import type { ObjectiveDef } from './types';

export const booth: ObjectiveDef = {
  id: 'booth',
  name: 'Booth',
  formula: '(x + 2*y - 7)^2 + (2*x + y - 5)^2',
  params: [],
  derived: [],
  derive: () => ({}),
  domain: { x: [-10, 10], y: [-10, 10] },
  view: { x: [-10, 10], y: [-10, 10] },
  minima: () => [{ x: 1, y: 3, value: 0, global: true }],
  start: [-8, 8],
  colorScale: 'log',
  bounded: true,
};
