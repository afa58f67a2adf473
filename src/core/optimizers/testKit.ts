/**
 * Helpers shared by the optimizer tests (imported only by *.test.ts files and the GPU harness;
 * no test framework import, so it can run anywhere).
 */
import { clipGradNorm, getOptimizer, initState, resolveHyper } from './index';
import type { HyperValues } from './types';

export type Grad = (x: number, y: number, r: (v: number) => number) => [number, number];

/** f = x² + 10y², gradient (2x, 20y). */
export const quadGrad: Grad = (x, y, r) => [r(2 * x), r(20 * y)];

/**
 * Rosenbrock f = (1 − x)² + 100(y − x²)², gradient written out in the op order of the GPU
 * harness: a = 1 − x, b = y − x·x, (−2a − (400x)·b, 200b).
 */
export const rosenbrockGrad: Grad = (x, y, r) => {
  const a = r(1 - x);
  const b = r(y - r(x * x));
  return [r(r(-2 * a) - r(r(400 * x) * b)), r(200 * b)];
};

/** Runs the registry implementation; returns θ after each of `n` steps. */
export function runImpl(
  id: string,
  hyper: HyperValues,
  start: [number, number],
  n: number,
  opts: { r?: (v: number) => number; grad?: Grad; factors?: ArrayLike<number>; maxNorm?: number } = {},
): [number, number][] {
  const r = opts.r ?? ((v: number) => v);
  const grad = opts.grad ?? quadGrad;
  const def = getOptimizer(id);
  const h = resolveHyper(def, hyper, r);
  const state = initState(def, h);
  const theta = Float64Array.from(start, r);
  const out: [number, number][] = [];
  for (let t = 1; t <= n; t++) {
    const g = Float64Array.from(grad(theta[0], theta[1], r));
    clipGradNorm(g, r(opts.maxNorm ?? 0), r);
    const lr = opts.factors ? r(r(h.lr) * r(opts.factors[t])) : h.lr;
    def.step({ theta, g, state, t, lr, h, r });
    out.push([theta[0], theta[1]]);
  }
  return out;
}

/** Asserts two trajectories agree to `tol` absolutely, step by step. */
export function expectClose(got: [number, number][], want: [number, number][], tol: number): void {
  if (got.length !== want.length) throw new Error(`length ${got.length} != ${want.length}`);
  got.forEach((p, k) => {
    for (let i = 0; i < 2; i++) {
      if (!(Math.abs(p[i] - want[k][i]) <= tol)) {
        throw new Error(`step ${k + 1} coord ${i}: got ${p[i]}, want ${want[k][i]} (tol ${tol})`);
      }
    }
  });
}
