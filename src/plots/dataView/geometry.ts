/**
 * Pure geometry of the data view: which samples are drawn (an evenly strided subset), the data
 * window, and a model's line clipped to that window (a regression line y = w·x + b, or a
 * classifier's decision boundary w1·x1 + w2·x2 = 0) with the half-plane it bounds.
 */
import type { Box } from '../types';

/** A point in data units. */
export type Point = readonly [number, number];

/** A line segment in data units. */
export type Segment = readonly [Point, Point];

/** The most samples the data view draws; larger datasets are shown as a strided subset. */
export const MAX_DRAWN = 2000;

/**
 * Indices of the samples drawn out of `n`: all of them when n <= max, else `max` indices
 * evenly spread over 0..n-1 (floor(k·n/max)), so the subset keeps the data's shape and is
 * the same on every redraw.
 */
export function stridedIndices(n: number, max = MAX_DRAWN): Uint32Array<ArrayBuffer> {
  if (!Number.isInteger(n) || n < 0) throw new Error(`stridedIndices: n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(max) || max < 1) throw new Error(`stridedIndices: max must be a positive integer, got ${max}`);
  const count = Math.min(n, max);
  const out = new Uint32Array(count);
  if (count === n) {
    for (let i = 0; i < n; i++) out[i] = i;
    return out;
  }
  for (let k = 0; k < count; k++) out[k] = Math.floor((k * n) / count);
  return out;
}

/**
 * The data window around columns `xs`, `ys` (finite values only), padded by `pad` of its span
 * on every side; `withOrigin` stretches it to contain (0, 0), where a boundary through the
 * origin turns. A degenerate span becomes ±1 around its value.
 */
export function dataWindow(xs: ArrayLike<number>, ys: ArrayLike<number>, pad = 0.06, withOrigin = false): Box {
  const ext = (v: ArrayLike<number>): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < v.length; i++) {
      const a = v[i];
      if (!Number.isFinite(a)) continue;
      if (a < lo) lo = a;
      if (a > hi) hi = a;
    }
    if (withOrigin) {
      lo = Math.min(lo, 0);
      hi = Math.max(hi, 0);
    }
    if (!(lo <= hi)) return [-1, 1];
    if (hi - lo < 1e-12) return [lo - 1, hi + 1];
    const p = (hi - lo) * pad;
    return [lo - p, hi + p];
  };
  return { x: ext(xs), y: ext(ys) };
}

/**
 * The part of the line a·x + b·y = c inside `box`, or null when it misses the box, touches
 * only a corner, or is no line (a = b = 0, or a non-finite coefficient, e.g. a diverged run).
 */
export function clipLine(a: number, b: number, c: number, box: Box): Segment | null {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) return null;
  if (a === 0 && b === 0) return null;
  const [x0, x1] = box.x;
  const [y0, y1] = box.y;
  const pts: Point[] = [];
  // Meets the vertical edges at y = (c − a·x) / b, the horizontal ones at x = (c − b·y) / a.
  if (b !== 0) {
    for (const x of [x0, x1]) {
      const y = (c - a * x) / b;
      if (y >= y0 && y <= y1) pts.push([x, y]);
    }
  }
  if (a !== 0) {
    for (const y of [y0, y1]) {
      const x = (c - b * y) / a;
      if (x >= x0 && x <= x1) pts.push([x, y]);
    }
  }
  // Through a corner the same point is found twice: keep the two farthest apart.
  let best: Segment | null = null;
  let bestD = 0;
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) {
      const d = Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]);
      if (d > bestD) {
        bestD = d;
        best = [pts[i], pts[j]];
      }
    }
  }
  return best;
}

/** The regression line y = w·x + b inside `box` (w·x − y = −b). */
export function regressionSegment(w: number, b: number, box: Box): Segment | null {
  return clipLine(w, -1, -b, box);
}

/** The decision boundary w1·x1 + w2·x2 = 0 inside `box`. */
export function boundarySegment(w1: number, w2: number, box: Box): Segment | null {
  return clipLine(w1, w2, 0, box);
}

/**
 * The polygon of `box` where a·x + b·y >= c (Sutherland–Hodgman against one half-plane),
 * corners in order; empty when the half-plane misses the box or the inputs are no line.
 * For a classifier (c = 0) this is where it predicts class 1: σ(w·x) > ½.
 */
export function halfPlane(a: number, b: number, c: number, box: Box): Point[] {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || (a === 0 && b === 0)) return [];
  const [x0, x1] = box.x;
  const [y0, y1] = box.y;
  const rect: Point[] = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
  const side = (p: Point) => a * p[0] + b * p[1] - c;
  const out: Point[] = [];
  for (let i = 0; i < rect.length; i++) {
    const p = rect[i];
    const q = rect[(i + 1) % rect.length];
    const sp = side(p);
    const sq = side(q);
    if (sp >= 0) out.push(p);
    if ((sp >= 0) !== (sq >= 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}
