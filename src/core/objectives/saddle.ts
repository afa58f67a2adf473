/**
 * The saddle x² − y²: no minimum and no lower bound. Starting just off the stable axis y = 0,
 * optimizers first approach the saddle point, then escape along y; runs are expected to leave
 * the bound and be flagged as diverged.
 */
import type { ObjectiveDef } from './types';

export const saddle: ObjectiveDef = {
  id: 'saddle',
  name: 'Saddle',
  formula: 'x^2 - y^2',
  params: [],
  derived: [],
  derive: () => ({}),
  domain: { x: [-2, 2], y: [-2, 2] },
  view: { x: [-2, 2], y: [-2, 2] },
  minima: () => [],
  start: [-1.5, 0.01],
  colorScale: 'linear',
  bounded: false,
};
