import { describe, expect, it } from 'vitest';
import { contourThresholds } from './thresholds';

describe('contourThresholds', () => {
  it('linear: nice ticks strictly inside the range', () => {
    expect(contourThresholds([0, 3.7, 10], 'linear', 5)).toEqual([2, 4, 6, 8]);
    expect(contourThresholds([0, 10], 'linear', 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
  it('log: fmin + powers of ten above 10ε', () => {
    // range 1e4 → ε = 0.1, levels from 10ε = 1 up: 1, 10, 100, 1000 (1e4 is the max itself).
    expect(contourThresholds([0, 1e4], 'log', 4)).toEqual([1, 10, 100, 1000]);
  });
  it('log relative to a minimum of 3 (Goldstein–Price)', () => {
    const t = contourThresholds([3, 3 + 1e4], 'log', 4);
    expect(t).toEqual([4, 13, 103, 1003]);
  });
  it('log with negative values', () => {
    const t = contourThresholds([-50, 9950], 'log', 4);
    expect(t).toEqual([-49, -40, 50, 950]);
  });
  it('log: more levels → half decades', () => {
    const t = contourThresholds([0, 1e4], 'log', 8);
    expect(t.length).toBeGreaterThanOrEqual(7);
    expect(t[0]).toBeCloseTo(1, 9);
    expect(t[1]).toBeCloseTo(Math.sqrt(10), 9);
    for (let i = 1; i < t.length; i++) expect(t[i]).toBeGreaterThan(t[i - 1]);
  });
  it('ignores NaN/Infinity in the grid', () => {
    expect(contourThresholds([NaN, 0, Infinity, 10, -Infinity], 'linear', 5)).toEqual([2, 4, 6, 8]);
  });
  it('empty for all-equal, all-non-finite or empty grids', () => {
    expect(contourThresholds([5, 5, 5], 'linear', 10)).toEqual([]);
    expect(contourThresholds([5, 5, 5], 'log', 10)).toEqual([]);
    expect(contourThresholds([NaN, Infinity], 'log', 10)).toEqual([]);
    expect(contourThresholds([], 'linear', 10)).toEqual([]);
  });
});

describe('contourThresholds on the rank scale', () => {
  it('puts levels at even quantiles, strictly inside the range', () => {
    const values = Array.from({ length: 101 }, (_, i) => 10 ** (i * 3)); // 1 .. 1e300
    const t = contourThresholds(values, 'rank', 4);
    expect(t).toEqual([1e60, 1e120, 1e180, 1e240]);
  });
  it('drops repeated quantiles of ties', () => {
    expect(contourThresholds([0, 5, 5, 5, 5, 5, 5, 9], 'rank', 6)).toEqual([5]);
  });
});
