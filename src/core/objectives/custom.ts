/**
 * A formula the user types, in x and y only. Its minima are unknown, so none are listed; the
 * formula here is only the default shown before the user edits it.
 */
import type { ObjectiveDef } from './types';

export const custom: ObjectiveDef = {
  id: 'custom',
  name: 'Custom formula',
  formula: 'x^2 + 3*y^2',
  params: [],
  derived: [],
  derive: () => ({}),
  domain: { x: [-3, 3], y: [-3, 3] },
  view: { x: [-3, 3], y: [-3, 3] },
  minima: () => [],
  start: [-2, 2],
  colorScale: 'linear',
  bounded: true,
};
