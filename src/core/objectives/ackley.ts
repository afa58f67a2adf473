/**
 * Ackley's function, with the cone tip smoothed. The textbook form has
 * sqrt(0.5(x² + y²)), whose gradient is 0/0 = NaN at the minimum itself, so a run that lands
 * exactly on the origin (or starts there) would be flagged as diverged. Adding ε = 1e-12 under
 * the root makes the gradient exactly 0 at the origin and changes f by at most
 * 20(1 − e^(−0.2·1e-6)) ≈ 4e-6 (only within ~1e-6 of the origin is the change visible at all).
 */
import type { ObjectiveDef } from './types';

/** f(0, 0) of the smoothed formula: −20e^(−0.2√ε) − e + e + 20 with ε = 1e-12. */
export const ACKLEY_MIN_VALUE = 20 * -Math.expm1(-0.2 * 1e-6);

export const ackley: ObjectiveDef = {
  id: 'ackley',
  name: 'Ackley',
  formula: '-20*exp(-0.2*sqrt(0.5*(x^2 + y^2) + 1e-12)) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20',
  params: [],
  derived: [],
  derive: () => ({}),
  domain: { x: [-5, 5], y: [-5, 5] },
  view: { x: [-5, 5], y: [-5, 5] },
  minima: () => [{ x: 0, y: 0, value: ACKLEY_MIN_VALUE, global: true }],
  start: [3.5, -2.5],
  colorScale: 'linear',
  bounded: true,
};
