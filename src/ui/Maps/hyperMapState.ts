/**
 * What the hyperparameter map panel derives from its inputs (pure): default axes for a run,
 * the analytic heavy-ball boundary when the surface is the quadratic bowl and the axes are
 * (learning rate, momentum), and the measured per-step rate of a cell.
 */
import type { ResolvedExperiment } from '../../core/experiment';
import { asHeavyBall, axisAt, defaultHyperAxis, heavyBallLrLimit, heavyBallRate, mapAxesOf, type MapAxis } from '../../core/maps';

/** Axis of `name` for a run whose value is `current`: ±2 decades around it on a log axis, else the schema's range. */
export function axisFor(optimizer: string, name: string, current: number, cells: number): MapAxis {
  const spec = mapAxesOf(optimizer).find((h) => h.name === name);
  if (!spec) throw new RangeError(`${name} is not an axis of ${optimizer}`);
  const base = defaultHyperAxis(spec, cells);
  if (spec.scale !== 'log' || !(current > 0)) return { ...base, max: spec.scale === 'linear' && spec.max === 0.9999 ? 0.999 : base.max };
  return { ...base, min: Math.max(spec.min, current / 100), max: Math.min(spec.max, current * 100) };
}

/** The two default axis names of an optimizer: lr and its first other real hyperparameter. */
export function defaultAxisNames(optimizer: string): [string, string] | null {
  const names = mapAxesOf(optimizer).map((h) => h.name);
  if (names.length < 2) return null;
  const second = names.find((n) => n !== 'lr' && n !== 'weight_decay' && n !== 'eps') ?? names.find((n) => n !== 'lr')!;
  return names.includes('lr') ? ['lr', second] : [names[0], names[1]];
}

/** Hessian eigenvalues when the objective is the quadratic bowl (1 and κ at any rotation). */
export function quadraticEigenvalues(exp: ResolvedExperiment): number[] | null {
  return exp.objective.id === 'quadratic' ? [1, exp.objective.params.kappa] : null;
}

/**
 * The analytic convergence boundary (ρ = 1) as points (x, y) in the map's axes, when the run is
 * heavy ball on the quadratic and the axes are its learning rate and its momentum (either way
 * round); null otherwise. momentum_ema's α limit is 2(1 + β) / (λ_max (1 − β)).
 */
export function heavyBallBoundary(exp: ResolvedExperiment, run: number, xName: string, yName: string, x: MapAxis, y: MapAxis): [number, number][] | null {
  const eig = quadraticEigenvalues(exp);
  const r = exp.runs[run];
  if (!eig || !r || !asHeavyBall(r.optimizer, r.hyper)) return null;
  const mName = r.optimizer === 'momentum_ema' ? 'beta' : 'momentum';
  const lrOnX = xName === 'lr' && yName === mName;
  const lrOnY = yName === 'lr' && xName === mName;
  if (!lrOnX && !lrOnY) return null;
  const mAxis = lrOnX ? y : x;
  const pts: [number, number][] = [];
  for (let k = 0; k <= 200; k++) {
    const mu = axisAt(mAxis, k / 200);
    const limit = heavyBallLrLimit(mu, eig) / (r.optimizer === 'momentum_ema' ? 1 - mu : 1);
    pts.push(lrOnX ? [limit, mu] : [mu, limit]);
  }
  return pts;
}

/** Theory's per-step rate ρ at a cell (heavy ball on the quadratic), or null. */
export function theoryRate(exp: ResolvedExperiment, run: number, hyper: Readonly<Record<string, number>>): number | null {
  const eig = quadraticEigenvalues(exp);
  const r = exp.runs[run];
  const hb = eig && r ? asHeavyBall(r.optimizer, { ...r.hyper, ...hyper }) : null;
  return hb && eig ? heavyBallRate(hb.lr, hb.momentum, eig) : null;
}

/**
 * The measured per-step rate from the loss: on a quadratic the loss contracts like ρ^{2k}, so
 * ρ ≈ (L_k / L_0)^{1/(2k)} over the k steps the run took.
 */
export function measuredRate(loss0: number, lossK: number, k: number): number | null {
  if (!(loss0 > 0) || !(lossK > 0) || k < 1) return null;
  return Math.pow(lossK / loss0, 1 / (2 * k));
}
