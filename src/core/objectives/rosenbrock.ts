/**
 * Rosenbrock's banana valley: (a − x)² + b(y − x²)². The minimum (a, a²) sits in a long curved
 * valley; the classic start (−1.2, 1) is Rosenbrock's own (1960).
 */
import type { ObjectiveDef } from './types';

export const rosenbrock: ObjectiveDef = {
  id: 'rosenbrock',
  name: 'Rosenbrock',
  formula: '(a - x)^2 + b*(y - x^2)^2',
  params: [
    { name: 'a', symbol: 'a', default: 1, min: -2, max: 2, scale: 'linear' },
    { name: 'b', symbol: 'b', default: 100, min: 1, max: 1000, scale: 'log' },
  ],
  derived: [],
  derive: () => ({}),
  domain: { x: [-2, 2], y: [-1, 3] },
  view: { x: [-2, 2], y: [-1, 3] },
  minima: (p) => [{ x: p.a ?? 1, y: (p.a ?? 1) ** 2, value: 0, global: true }],
  start: [-1.2, 1],
  colorScale: 'log',
  bounded: true,
};
