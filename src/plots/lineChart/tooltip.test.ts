import { describe, expect, it } from 'vitest';
import type { LineSeries } from '../types';
import { indexAtX, valueAt, xOfIndex } from './tooltip';

const base: LineSeries = { id: 'a', label: 'a', color: '#000', hidden: false, values: Float64Array.of(5, 4, 3, 2), length: 4 };

describe('hover on the step axis and on a compute axis', () => {
  it('step axis: the index is the step; past the series: none', () => {
    expect(indexAtX(base, 2)).toBe(2);
    expect(valueAt(base, 3)).toBe(2);
    expect(indexAtX(base, 4)).toBe(-1);
    expect(xOfIndex(base, 3)).toBe(3);
  });
  it('compute axis: the last index whose x is at or before the pointer', () => {
    const s: LineSeries = { ...base, xs: Float64Array.of(0, 200, 400, 600, 800) };
    expect(indexAtX(s, 0)).toBe(0);
    expect(indexAtX(s, 199)).toBe(0);
    expect(indexAtX(s, 200)).toBe(1);
    expect(valueAt(s, 599)).toBe(3);
    // length 4: x 800 is not reached yet.
    expect(indexAtX(s, 700)).toBe(-1);
    expect(xOfIndex(s, 2)).toBe(400);
  });
});
