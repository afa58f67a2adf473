import { describe, expect, it } from 'vitest';
import { downsampleBand, downsampleMinMax } from './downsample';

describe('downsampleMinMax', () => {
  it('returns short series unchanged', () => {
    const p = downsampleMinMax([3, 1, 2], 3, 100, 50);
    expect(Array.from(p.x)).toEqual([0, 1, 2]);
    expect(Array.from(p.y)).toEqual([3, 1, 2]);
  });
  it('respects length (preallocated buffers)', () => {
    const p = downsampleMinMax(new Float64Array([1, 2, 3, 4, 5]), 2, 10, 100);
    expect(p.length).toBe(2);
  });
  it('empty series', () => {
    expect(downsampleMinMax(new Float64Array(0), 0, 100, 100).length).toBe(0);
  });
  it('≤ 2 points per column, keeping min and max in step order', () => {
    const n = 10000;
    const v = new Float64Array(n).map((_, i) => 1 / (1 + i));
    v[5003] = 50; // a spike
    const p = downsampleMinMax(v, n, n - 1, 100);
    expect(p.length).toBeLessThanOrEqual(2 * 101);
    expect(Array.from(p.y)).toContain(50);
    expect(Array.from(p.y)).toContain(1);
    expect(Array.from(p.y)).toContain(1 / n);
    for (let i = 1; i < p.length; i++) expect(p.x[i]).toBeGreaterThan(p.x[i - 1]);
  });
  it('column buckets: 8 values on 2 columns', () => {
    const p = downsampleMinMax([5, 1, 9, 2, 7, 7, 0, 3], 8, 8, 2);
    // Columns by floor(i / 8 · 2): [0..3] → min 1@1, max 9@2; [4..7] → max 7@4, min 0@6.
    expect(Array.from(p.x)).toEqual([1, 2, 4, 6]);
    expect(Array.from(p.y)).toEqual([1, 9, 7, 0]);
  });
  it('a bucket of only non-finite values yields a NaN point (line break)', () => {
    const v = [1, 2, 3, 4, NaN, Infinity, NaN, NaN];
    const p = downsampleMinMax(v, 8, 8, 2);
    expect(Array.from(p.x)).toEqual([0, 3, 4]);
    expect(p.y[2]).toBeNaN();
  });
});

describe('downsampleMinMax on a compute axis (xs)', () => {
  it('plots each value at its xs and buckets by x', () => {
    // Full batch (x = 100k) and a short series: unchanged, at the given x.
    const p = downsampleMinMax([4, 3, 2], 3, 1000, 50, [0, 100, 200]);
    expect(Array.from(p.x)).toEqual([0, 100, 200]);
    const v = Float64Array.from({ length: 1000 }, (_, i) => 1000 - i);
    const xs = Float64Array.from({ length: 1000 }, (_, i) => 3 * i);
    const q = downsampleMinMax(v, 1000, 3 * 999, 10, xs);
    expect(q.length).toBeLessThanOrEqual(22);
    for (let i = 0; i < q.length; i++) expect(q.x[i] % 3).toBe(0);
    expect(q.x[q.length - 1]).toBe(3 * 999);
  });
});

describe('downsampleBand', () => {
  it('keeps the lowest lo and the highest hi of every column', () => {
    const lo = [1, 0.5, 2, 3, 0.1, 4];
    const hi = [2, 9, 3, 4, 5, 6];
    const b = downsampleBand(lo, hi, 6, 6, 2);
    expect(b.length).toBe(2);
    expect(Array.from(b.lo)).toEqual([0.5, 0.1]);
    expect(Array.from(b.hi)).toEqual([9, 6]);
  });
  it('leaves out non-finite edges and short data unchanged', () => {
    const b = downsampleBand([1, NaN, 2], [3, 4, 5], 3, 100, 100);
    expect(Array.from(b.x)).toEqual([0, 2]);
  });
});
