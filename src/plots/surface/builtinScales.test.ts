/**
 * The rank scale is a rescue for formulas no fixed scale can show; every built-in surface, at
 * its default view, keeps the scale it was designed with.
 */
import { describe, expect, it } from 'vitest';
import { bindObjective, OBJECTIVES } from '../../core/objectives';
import { colorMapFor, gridStats, sanitizeGrid } from './colorScale';

function sample(id: (typeof OBJECTIVES)[number]['id'], formula?: string): Float64Array {
  const b = bindObjective(id, {}, formula);
  const { x, y } = b.def.view;
  const n = 120;
  const out = new Float64Array(3);
  const values = new Float64Array(n * n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      b.formula.evaluate(x[0] + ((x[1] - x[0]) * i) / (n - 1), y[0] + ((y[1] - y[0]) * j) / (n - 1), b.paramValues, out);
      values[j * n + i] = out[0];
    }
  return sanitizeGrid(values, gridStats(values));
}

describe('map colour scale of the built-in surfaces', () => {
  it.each(OBJECTIVES.map((d) => [d.id, d.colorScale] as const))('%s keeps its %s scale', (id, scale) => {
    expect(colorMapFor(scale, sample(id)).scale).toBe(scale);
  });
  it('a custom exp(exp(exp(x))) is ranked', () => {
    expect(colorMapFor('linear', sample('custom', 'exp(exp(exp(x)))')).scale).toBe('rank');
  });
});
