import { describe, expect, it } from 'vitest';
import { REDUCE_WORKGROUP, treeSum } from './treeSum';

describe('treeSum: the fixed reduction order', () => {
  it('sums exactly where every partial is exact (integers)', () => {
    for (const n of [0, 1, 2, 255, 256, 257, 65_536, 65_537, 100_003]) {
      const v = Float64Array.from({ length: n }, (_, i) => (i % 7) - 3);
      const want = v.reduce((a, b) => a + b, 0);
      expect(treeSum(v), `n=${n}`).toBe(want);
    }
  });

  it('follows the tree, not the left-to-right order (a value that only the tree order keeps)', () => {
    // Left to right, 1e16 + 1 + 1 loses both ones; the tree adds a[0]+a[128] and a[1]+a[129]
    // first: pairs (1e16, 0) and (1, 1) … so 2 survives as one addition to 1e16.
    const v = new Float64Array(REDUCE_WORKGROUP);
    v[0] = 1e16;
    v[1] = 1;
    v[129] = 1;
    expect(v[0] + v[1] + v[129]).toBe(1e16);
    expect(treeSum(v)).toBe(1e16 + 2);
  });

  it('rounds every addition with r (float32 mode)', () => {
    const v = Float64Array.from({ length: 1000 }, (_, i) => Math.fround(0.1 * (i + 1)));
    const f32 = treeSum(v, v.length, Math.fround);
    expect(f32).toBe(Math.fround(f32));
    expect(Math.abs(f32 - treeSum(v)) / treeSum(v)).toBeLessThan(1e-6);
  });
});
