/**
 * Convex quadratic bowl with condition number κ, rotated by θ degrees. The rotation's cos/sin
 * are derived once on the CPU, so the formula stays polynomial (bit-exact GPU parity).
 * Hessian eigenvalues are 1 and κ: gradient descent is stable for lr < 2/κ.
 */
import type { ObjectiveDef } from './types';

export const quadratic: ObjectiveDef = {
  id: 'quadratic',
  name: 'Quadratic bowl',
  formula: '0.5*((c*x + s*y)^2 + kappa*(-s*x + c*y)^2)',
  params: [
    { name: 'kappa', symbol: '\\kappa', default: 10, min: 1, max: 1000, scale: 'log' },
    { name: 'theta', symbol: '\\theta', default: 0, min: -90, max: 90, scale: 'linear' },
  ],
  derived: ['c', 's'],
  derive: (p) => {
    const rad = (p.theta * Math.PI) / 180;
    return { c: Math.cos(rad), s: Math.sin(rad) };
  },
  domain: { x: [-3, 3], y: [-3, 3] },
  view: { x: [-3, 3], y: [-3, 3] },
  minima: () => [{ x: 0, y: 0, value: 0, global: true }],
  start: [-2.5, 1.5],
  colorScale: 'linear',
  bounded: true,
};
