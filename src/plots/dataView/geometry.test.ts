import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  boundarySegment,
  clipLine,
  dataWindow,
  halfPlane,
  MAX_DRAWN,
  regressionSegment,
  stridedIndices,
  type Segment,
} from './geometry';
import type { Box } from '../types';

const box: Box = { x: [-2, 2], y: [-1, 1] };

/** Endpoints in a canonical order, rounded, so segments compare regardless of direction. */
function canon(s: Segment | null): number[][] | null {
  if (!s) return null;
  const pts = s.map((p) => p.map((v) => Math.round(v * 1e9) / 1e9));
  return pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe('stridedIndices', () => {
  it('keeps every sample up to the limit', () => {
    expect(Array.from(stridedIndices(5, 10))).toEqual([0, 1, 2, 3, 4]);
    expect(stridedIndices(MAX_DRAWN).length).toBe(MAX_DRAWN);
    expect(stridedIndices(0).length).toBe(0);
  });
  it('strides evenly beyond it', () => {
    expect(Array.from(stridedIndices(10, 5))).toEqual([0, 2, 4, 6, 8]);
    expect(Array.from(stridedIndices(7, 3))).toEqual([0, 2, 4]);
    const big = stridedIndices(1_000_000);
    expect(big.length).toBe(2000);
    expect(big[0]).toBe(0);
    expect(big[1]).toBe(500);
    expect(big[1999]).toBe(999_500);
  });
  it('gives distinct increasing in-range indices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 1, max: 3000 }), (n, max) => {
        const idx = stridedIndices(n, max);
        expect(idx.length).toBe(Math.min(n, max));
        for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]);
        if (idx.length > 0) expect(idx[idx.length - 1]).toBeLessThan(n);
      }),
    );
  });
  it('names a bad count', () => {
    expect(() => stridedIndices(-1)).toThrow(/-1/);
    expect(() => stridedIndices(10, 0)).toThrow(/max/);
  });
});

describe('dataWindow', () => {
  it('pads the extent and skips non-finite values', () => {
    const w = dataWindow([0, 10, NaN], [1, 3, Infinity], 0.1);
    expect(w.x).toEqual([-1, 11]);
    expect(w.y[0]).toBeCloseTo(0.8);
    expect(w.y[1]).toBeCloseTo(3.2);
  });
  it('contains the origin when asked', () => {
    const w = dataWindow([2, 4], [3, 5], 0, true);
    expect(w).toEqual({ x: [0, 4], y: [0, 5] });
  });
  it('widens a degenerate or empty extent', () => {
    expect(dataWindow([3, 3], [], 0.1)).toEqual({ x: [2, 4], y: [-1, 1] });
  });
});

describe('clipLine', () => {
  it('clips a horizontal, a vertical and a diagonal line', () => {
    expect(canon(clipLine(0, 1, 0.5, box))).toEqual([
      [-2, 0.5],
      [2, 0.5],
    ]);
    expect(canon(clipLine(1, 0, -1, box))).toEqual([
      [-1, -1],
      [-1, 1],
    ]);
    // y = x: enters at (−1, −1), leaves at (1, 1).
    expect(canon(clipLine(1, -1, 0, box))).toEqual([
      [-1, -1],
      [1, 1],
    ]);
  });
  it('returns null for a line outside the box or no line at all', () => {
    expect(clipLine(0, 1, 5, box)).toBeNull();
    expect(clipLine(0, 0, 0, box)).toBeNull();
    expect(clipLine(NaN, 1, 0, box)).toBeNull();
    expect(clipLine(Infinity, 1, 0, box)).toBeNull();
  });
  it('through a corner keeps two distinct endpoints', () => {
    // x + y = 3 meets the box only at its corner (2, 1): no segment.
    expect(clipLine(1, 1, 3, box)).toBeNull();
    const diag = canon(clipLine(1, -2, 0, box));
    expect(diag).toEqual([
      [-2, -1],
      [2, 1],
    ]);
  });
  it('endpoints lie on the line and on the box edge', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (a, b, c) => {
          const s = clipLine(a, b, c, box);
          if (!s) return;
          for (const [x, y] of s) {
            expect(Math.abs(a * x + b * y - c)).toBeLessThan(1e-6 * (1 + Math.abs(a) + Math.abs(b)));
            expect(x).toBeGreaterThanOrEqual(-2);
            expect(x).toBeLessThanOrEqual(2);
            expect(y).toBeGreaterThanOrEqual(-1);
            expect(y).toBeLessThanOrEqual(1);
            const onEdge = x === -2 || x === 2 || y === -1 || y === 1;
            expect(onEdge).toBe(true);
          }
        },
      ),
    );
  });
});

describe('model segments', () => {
  it('regression line y = w·x + b', () => {
    expect(canon(regressionSegment(0.25, 0, box))).toEqual([
      [-2, -0.5],
      [2, 0.5],
    ]);
    expect(regressionSegment(0, 3, box)).toBeNull();
  });
  it('decision boundary through the origin, perpendicular to w', () => {
    // w = (0, 1): the boundary is the x1 axis.
    expect(canon(boundarySegment(0, 1, box))).toEqual([
      [-2, 0],
      [2, 0],
    ]);
    const s = boundarySegment(1, 2, box);
    expect(s).not.toBeNull();
    const [[ax, ay], [bx, by]] = s as Segment;
    expect((bx - ax) * 1 + (by - ay) * 2).toBeCloseTo(0);
    expect(boundarySegment(0, 0, box)).toBeNull();
  });
});

describe('halfPlane', () => {
  it('is the whole box, half the box or nothing', () => {
    expect(halfPlane(0, 1, -5, box)).toHaveLength(4);
    expect(halfPlane(0, 1, 5, box)).toEqual([]);
    expect(halfPlane(0, 0, 0, box)).toEqual([]);
    // y >= 0: the upper half, (−2,0) (2,0) (2,1) (−2,1) in some rotation.
    const upper = halfPlane(0, 1, 0, box);
    expect(upper).toHaveLength(4);
    for (const [, y] of upper) expect(y).toBeGreaterThanOrEqual(0);
    const area = (p: readonly (readonly [number, number])[]) =>
      Math.abs(p.reduce((s, [x, y], i) => s + x * p[(i + 1) % p.length][1] - p[(i + 1) % p.length][0] * y, 0)) / 2;
    expect(area(upper)).toBeCloseTo(4);
  });
  it('holds only points on the positive side (a triangle across a corner)', () => {
    const tri = halfPlane(1, 1, 2, box);
    expect(tri).toHaveLength(3);
    for (const [x, y] of tri) expect(x + y).toBeGreaterThanOrEqual(2 - 1e-12);
  });
});
