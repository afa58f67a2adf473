/**
 * Builders for the hyperparameter specs the optimizers share, so the same name always has the
 * same symbol, range and scale across the registry (the UI and the URL codec rely on that).
 */
import type { HyperSpec } from './types';

/** Learning rate: log slider over 1e-6..10. torch calls it γ; momentum_ema calls it α. */
export function lrSpec(def: number, symbol = '\\gamma'): HyperSpec {
  return { name: 'lr', symbol, default: def, min: 1e-6, max: 10, scale: 'log', kind: 'real' };
}

/** L2 penalty λ (coupled or decoupled is the optimizer's business). */
export function weightDecaySpec(def = 0): HyperSpec {
  return { name: 'weight_decay', symbol: '\\lambda', default: def, min: 0, max: 1, scale: 'linear', kind: 'real' };
}

/** A decay rate in [0, 0.9999] (betas, alpha, rho, momentum). */
export function rateSpec(name: string, symbol: string, def: number): HyperSpec {
  return { name, symbol, default: def, min: 0, max: 0.9999, scale: 'linear', kind: 'real' };
}

/** Denominator guard ε, log slider over 1e-12..1e-2. */
export function epsSpec(def: number): HyperSpec {
  return { name: 'eps', symbol: '\\epsilon', default: def, min: 1e-12, max: 1e-2, scale: 'log', kind: 'real' };
}

/** A 0/1 switch (nesterov, amsgrad, centered). */
export function boolSpec(name: string): HyperSpec {
  return { name, symbol: `\\text{${name}}`, default: 0, min: 0, max: 1, scale: 'linear', kind: 'bool' };
}

/** Shared `derive` for optimizers without derived values. */
export function noDerived(): Record<string, number> {
  return {};
}

/** Shared `init` for optimizers whose state is all zeros. */
export function zeroInit(_h: unknown, state: Float64Array): void {
  state.fill(0);
}
