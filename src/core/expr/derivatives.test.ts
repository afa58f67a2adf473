import { describe, expect, it } from 'vitest';
import { compileFormula } from './index';

/**
 * Small deterministic generator (mulberry32) local to the test, so the test does not depend on
 * src/core/rng.ts and every run checks the same points.
 */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  readonly source: string;
  /** Sampling box [lo, hi] for both x and y (kept inside the function's smooth domain). */
  readonly box?: readonly [number, number];
  readonly params?: Readonly<Record<string, number>>;
  /** Skip points within `h`-reach of a kink (abs/min/max), where finite differences lie. */
  readonly kink?: (x: number, y: number) => number;
}

const CASES: readonly Case[] = [
  { source: 'x + y' },
  { source: 'x - 3*y' },
  { source: 'x * y' },
  { source: 'x / y', box: [0.5, 3] },
  { source: '-x^2 + pi*y' },
  { source: 'x^3 - y^4' },
  { source: 'x^-2 + y^-3', box: [0.5, 2] },
  { source: 'x^10 * y', box: [-1.5, 1.5] },
  { source: 'x^0.5 + y^-0.5', box: [0.2, 3] },
  { source: 'x^1.7 * y', box: [0.2, 3] },
  { source: 'x^y', box: [0.2, 3] },
  { source: '2^x + e^(x*y)' },
  { source: 'sin(x*y)' },
  { source: 'cos(x + 2*y)' },
  { source: 'tan(x) * y', box: [-1.2, 1.2] },
  { source: 'exp(x - y^2)' },
  { source: 'log(x*x + y + 3)' },
  { source: 'sqrt(x*x + y*y + 1)' },
  { source: 'abs(x - y)', kink: (x, y) => Math.abs(x - y) },
  { source: 'abs(x)^1.5 + y', kink: (x) => Math.abs(x) },
  { source: 'tanh(x*y)' },
  { source: 'min(x, y^2)', kink: (x, y) => Math.abs(x - y * y) },
  { source: 'max(x*y, y)', kink: (x, y) => Math.abs(x * y - y) },
  { source: '(x*y)/(1 + x^2) - y/x', box: [0.3, 2] },
  { source: '(a-x)^2 + b*(y-x^2)^2', params: { a: 1, b: 100 } },
  { source: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2' },
  { source: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2' },
  { source: 'sin(x)^2 * exp(-y^2) / (1 + x^2) + kappa*log(1 + theta*x^2)', params: { kappa: 0.3, theta: 2 } },
];

const POINTS = 60;

describe('gradient vs central finite differences', () => {
  it.each(CASES)('$source', ({ source, box = [-2, 2], params = {}, kink }) => {
    const names = Object.keys(params);
    const p = names.map((n) => params[n]);
    const f = compileFormula(source, { params: names });
    const rand = mulberry32(0x5eed + source.length * 7919);
    const out = new Float64Array(3);
    const val = (x: number, y: number): number => {
      f.evaluate(x, y, p, out);
      return out[0];
    };
    let checked = 0;
    for (let k = 0; k < POINTS; k++) {
      const x = box[0] + (box[1] - box[0]) * rand();
      const y = box[0] + (box[1] - box[0]) * rand();
      const h = 1e-6 * Math.max(1, Math.abs(x), Math.abs(y));
      if (kink && kink(x, y) < 1e3 * h) continue;
      f.evaluate(x, y, p, out);
      const [fv, gx, gy] = out;
      const fdx = (val(x + h, y) - val(x - h, y)) / (2 * h);
      const fdy = (val(x, y + h) - val(x, y - h)) / (2 * h);
      // Central differences with h = 1e-6 carry truncation error ~h^2 f''' and rounding error
      // ~eps |f| / h ≈ 1e-10 |f|; a relative tolerance of 1e-6 on the scale 1 + |g| + |f|
      // covers both with margin while still catching any wrong derivative rule (those are off
      // by O(1) factors).
      const scale = 1 + Math.abs(fv);
      expect(Math.abs(gx - fdx)).toBeLessThanOrEqual(1e-6 * (scale + Math.abs(gx)));
      expect(Math.abs(gy - fdy)).toBeLessThanOrEqual(1e-6 * (scale + Math.abs(gy)));
      checked++;
    }
    expect(checked).toBeGreaterThan(POINTS / 2);
  });

  it('breaks ties of min and max towards the first argument, and abs(0) towards +1', () => {
    const out = new Float64Array(3);
    compileFormula('min(x, y)').evaluate(1, 1, [], out);
    expect([out[1], out[2]]).toEqual([1, 0]);
    compileFormula('max(y, x)').evaluate(1, 1, [], out);
    expect([out[1], out[2]]).toEqual([0, 1]);
    compileFormula('abs(x)').evaluate(0, 0, [], out);
    expect(out[1]).toBe(1);
  });

  it('has zero gradient at the minima of Rosenbrock and Himmelblau', () => {
    const out = new Float64Array(3);
    compileFormula('(a-x)^2 + b*(y-x^2)^2', { params: ['a', 'b'] }).evaluate(1, 1, [1, 100], out);
    expect(Array.from(out).map(Math.abs)).toEqual([0, 0, 0]);
    compileFormula('(x^2 + y - 11)^2 + (x + y^2 - 7)^2').evaluate(3, 2, [], out);
    expect(Array.from(out).map(Math.abs)).toEqual([0, 0, 0]);
  });
});
