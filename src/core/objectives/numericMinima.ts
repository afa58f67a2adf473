/**
 * Minima that have no closed form are found numerically, once per parameter set: Newton's
 * method in float64 on the compiled gradient, with a central finite-difference Hessian of that
 * gradient. A start that does not land on a strict local minimum (|∇f| small and the Hessian
 * positive definite) is dropped, so a well that a parameter change flattens away disappears
 * from the list instead of being reported wrongly.
 */
import type { CompiledFormula } from '../expr/types';
import type { KnownMinimum } from './types';

/** A refined stationary point with its value and Hessian (float64). */
export interface RefinedPoint {
  readonly x: number;
  readonly y: number;
  readonly value: number;
  readonly gradNorm: number;
  /** Hessian entries [hxx, hxy, hyy] (finite differences of the exact gradient). */
  readonly hessian: readonly [number, number, number];
}

const out = new Float64Array(3);

function hessianAt(f: CompiledFormula, p: ArrayLike<number>, x: number, y: number): [number, number, number] {
  // Step scaled to the coordinate: balances truncation (h²) against cancellation (ε/h).
  const hx = 1e-5 * (1 + Math.abs(x));
  const hy = 1e-5 * (1 + Math.abs(y));
  f.evaluate(x + hx, y, p, out);
  const gxp = out[1], gyp = out[2];
  f.evaluate(x - hx, y, p, out);
  const gxm = out[1], gym = out[2];
  f.evaluate(x, y + hy, p, out);
  const gxq = out[1], gyq = out[2];
  f.evaluate(x, y - hy, p, out);
  const gxn = out[1], gyn = out[2];
  const hxx = (gxp - gxm) / (2 * hx);
  const hyy = (gyq - gyn) / (2 * hy);
  // Symmetrise: the two mixed estimates differ only by rounding.
  const hxy = 0.5 * ((gyp - gym) / (2 * hx) + (gxq - gxn) / (2 * hy));
  return [hxx, hxy, hyy];
}

/** Newton iteration from (x0, y0). Returns the stationary point it converged to, or null. */
export function newtonStationary(
  f: CompiledFormula,
  params: ArrayLike<number>,
  x0: number,
  y0: number,
  maxIter = 100,
): RefinedPoint | null {
  let x = x0;
  let y = y0;
  for (let i = 0; i < maxIter; i++) {
    f.evaluate(x, y, params, out);
    const gx = out[1], gy = out[2];
    const [a, b, c] = hessianAt(f, params, x, y);
    const det = a * c - b * b;
    if (!Number.isFinite(det) || det === 0) return null;
    const dx = (c * gx - b * gy) / det;
    const dy = (a * gy - b * gx) / det;
    x -= dx;
    y -= dy;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    if (Math.abs(dx) <= 1e-15 * (1 + Math.abs(x)) && Math.abs(dy) <= 1e-15 * (1 + Math.abs(y))) break;
  }
  f.evaluate(x, y, params, out);
  const value = out[0];
  const gradNorm = Math.hypot(out[1], out[2]);
  return { x, y, value, gradNorm, hessian: hessianAt(f, params, x, y) };
}

/** Newton from (x0, y0), kept only if it ends on a strict local minimum. */
export function refineMinimum(
  f: CompiledFormula,
  params: ArrayLike<number>,
  x0: number,
  y0: number,
): RefinedPoint | null {
  const p = newtonStationary(f, params, x0, y0);
  if (p === null) return null;
  const [a, b, c] = p.hessian;
  const scale = 1 + Math.abs(p.value);
  if (!(p.gradNorm <= 1e-8 * scale)) return null;
  if (!(a > 0 && a * c - b * b > 0)) return null;
  return p;
}

/**
 * Refines each seed, drops failures and duplicates, and marks the lowest value(s) global
 * (ties within 1e-9 relative are all global, e.g. Himmelblau's four).
 * `exactValue` substitutes a literature value for the global minima, when one is known.
 */
export function minimaFromSeeds(
  f: CompiledFormula,
  params: ArrayLike<number>,
  seeds: readonly (readonly [number, number])[],
  exactValue?: number,
): KnownMinimum[] {
  const found: RefinedPoint[] = [];
  for (const [sx, sy] of seeds) {
    const p = refineMinimum(f, params, sx, sy);
    if (p === null) continue;
    const dup = found.some((q) => Math.abs(q.x - p.x) + Math.abs(q.y - p.y) < 1e-6 * (1 + Math.abs(p.x) + Math.abs(p.y)));
    if (!dup) found.push(p);
  }
  if (found.length === 0) return [];
  const best = Math.min(...found.map((p) => p.value));
  const tol = 1e-9 * (1 + Math.abs(best));
  return found
    .map((p) => {
      const global = p.value - best <= tol;
      return { x: p.x, y: p.y, value: global && exactValue !== undefined ? exactValue : p.value, global };
    })
    .sort((m, n) => m.value - n.value || m.x - n.x);
}

/**
 * Memoises a minima computation by parameter values, so the Newton solve runs once per
 * parameter set (the UI calls minima() on every render).
 */
export function cachedByParams<T>(compute: (p: Readonly<Record<string, number>>) => T): (p: Readonly<Record<string, number>>) => T {
  const cache = new Map<string, T>();
  return (p) => {
    const key = Object.keys(p)
      .sort()
      .map((k) => `${k}=${p[k]}`)
      .join(',');
    let v = cache.get(key);
    if (v === undefined) {
      v = compute(p);
      if (cache.size > 64) cache.clear(); // slider drags produce many keys; keep memory bounded
      cache.set(key, v);
    }
    return v;
  };
}
