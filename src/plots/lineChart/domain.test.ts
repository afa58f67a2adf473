import { describe, expect, it } from 'vitest';
import { clampForLog, divergenceCap, formatLogTick, linearDomain, logDomain } from './domain';

describe('logDomain', () => {
  it('spans the smallest positive to the largest value, ignoring 0, negatives, NaN, ∞', () => {
    expect(logDomain([0, -3, 1e-6, NaN, 250, Infinity, 3])).toEqual([1e-6, 250]);
  });
  it('widens less than a decade around the geometric centre', () => {
    const [lo, hi] = logDomain([2, 8]);
    expect(lo).toBeCloseTo(4 / Math.sqrt(10), 12);
    expect(hi).toBeCloseTo(4 * Math.sqrt(10), 12);
  });
  it('all-equal values get a decade around them', () => {
    const [lo, hi] = logDomain([5, 5, 5]);
    expect(hi / lo).toBeCloseTo(10, 12);
  });
  it('no positive values: a default decade range', () => {
    expect(logDomain([])).toEqual([1e-3, 1]);
    expect(logDomain([0, -1, NaN])).toEqual([1e-3, 1]);
  });
});

describe('linearDomain', () => {
  it('pads 5% of the range', () => {
    expect(linearDomain([0, 10, NaN])).toEqual([-0.5, 10.5]);
  });
  it('all-equal and empty', () => {
    expect(linearDomain([4, 4])).toEqual([3.6, 4.4]);
    expect(linearDomain([0, 0])).toEqual([-1, 1]);
    expect(linearDomain([])).toEqual([0, 1]);
  });
});

describe('clampForLog', () => {
  it('non-positive values sit at the bottom of the domain, NaN stays a gap', () => {
    expect(clampForLog(0, [1e-4, 1])).toBe(1e-4);
    expect(clampForLog(-2, [1e-4, 1])).toBe(1e-4);
    expect(clampForLog(0.5, [1e-4, 1])).toBe(0.5);
    expect(clampForLog(NaN, [1e-4, 1])).toBeNaN();
  });
});

describe('divergenceCap', () => {
  it('log: three decades above the largest initial value', () => {
    expect(divergenceCap([2, 5, NaN], [], 'log')).toBe(5000);
  });
  it('linear: twice the initial spread above the largest initial value', () => {
    expect(divergenceCap([10], [10, 4, 1e30, 2], 'linear')).toBe(26);
  });
  it('Infinity when nothing is usable', () => {
    expect(divergenceCap([], [1, 2], 'log')).toBe(Infinity);
    expect(divergenceCap([-1], [], 'log')).toBe(Infinity);
    expect(divergenceCap([3], [3, 3], 'linear')).toBe(Infinity);
  });
  it('with the cap, a diverging run no longer sets the domain', () => {
    const values = [24.2, 3, 0.01, 1e30, 5e12];
    expect(logDomain(values, divergenceCap([24.2], values, 'log'))).toEqual([0.01, 24.2]);
    expect(linearDomain(values, 50)).toEqual([0.01 - 1.2095, 24.2 + 1.2095]);
  });
  it('falls back to the uncapped domain when everything is above the cap', () => {
    expect(logDomain([1e10, 1e12], 100)).toEqual([1e10, 1e12]);
    expect(linearDomain([200, 300], 100)).toEqual([195, 305]);
  });
});

describe('formatLogTick', () => {
  it('labels powers of ten with superscripts, others blank', () => {
    expect([1e-3, 1, 10, 100, 1e12, 2e3, 0, -1].map(formatLogTick)).toEqual([
      '10⁻³',
      '1',
      '10',
      '10²',
      '10¹²',
      '',
      '',
      '',
    ]);
  });
});
