/**
 * Registry shape, hyperparameter schemas, state layout limits of the WGSL convention,
 * convergence on a convex quadratic, and float32 mode vs float64.
 */
import { describe, expect, it } from 'vitest';
import {
  OPTIMIZERS, defaultHyper, getOptimizer, hyperArray, initState, isOptimizerId, resolveHyper, stateSize,
} from './index';
import { runImpl } from './testKit';

const IDS = ['gd', 'sgd', 'momentum_ema', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamw', 'adamax', 'nadam', 'radam', 'lion', 'sag', 'svrg'];

describe('registry', () => {
  it('has every OptimizerId once, in order', () => {
    expect(OPTIMIZERS.map((d) => d.id)).toEqual(IDS);
    for (const id of IDS) expect(getOptimizer(id).id).toBe(id);
  });
  it('rejects unknown ids with a message naming them', () => {
    expect(isOptimizerId('adam')).toBe(true);
    expect(isOptimizerId('adamz')).toBe(false);
    expect(isOptimizerId('toString')).toBe(false);
    expect(() => getOptimizer('adamz')).toThrow(/adamz/);
  });
  it.each(IDS)('%s: lr first, defaults inside [min, max], unique names, LaTeX symbols', (id) => {
    const def = getOptimizer(id);
    expect(def.hyper[0].name).toBe('lr');
    expect(def.name.length).toBeGreaterThan(0);
    const names = def.hyper.map((s) => s.name);
    expect(new Set([...names, ...def.derived]).size).toBe(names.length + def.derived.length);
    for (const s of def.hyper) {
      expect(s.default).toBeGreaterThanOrEqual(s.min);
      expect(s.default).toBeLessThanOrEqual(s.max);
      if (s.scale === 'log') expect(s.min).toBeGreaterThan(0);
      if (s.kind === 'bool') expect([s.min, s.max, s.default % 1]).toEqual([0, 1, 0]);
      expect(s.symbol).toMatch(/^\\|^[a-z]/);
    }
  });
  it.each(IDS)('%s: fits the WGSL hp[16] and st[16] arrays; derive yields the declared names', (id) => {
    const def = getOptimizer(id);
    expect(def.hyper.length + def.derived.length).toBeLessThanOrEqual(16);
    expect(stateSize(def)).toBeLessThanOrEqual(16);
    expect(Object.keys(def.derive(defaultHyper(def))).sort()).toEqual([...def.derived].sort());
    const h = resolveHyper(def, {}, (v) => v);
    expect(hyperArray(def, h).length).toBe(def.hyper.length + def.derived.length);
    expect(initState(def, h).length).toBe(stateSize(def));
  });
  it('torch defaults where torch has them', () => {
    const d = (id: string) => defaultHyper(getOptimizer(id));
    expect(d('adam')).toMatchObject({ lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0, amsgrad: 0 });
    expect(d('adamw').weight_decay).toBe(1e-2);
    expect(d('adagrad')).toMatchObject({ lr: 1e-2, eps: 1e-10, lr_decay: 0 });
    expect(d('rmsprop')).toMatchObject({ lr: 1e-2, alpha: 0.99, eps: 1e-8, centered: 0 });
    expect(d('adadelta')).toMatchObject({ lr: 1, rho: 0.9, eps: 1e-6 });
    expect(d('adamax').lr).toBe(2e-3);
    expect(d('nadam')).toMatchObject({ lr: 2e-3, momentum_decay: 4e-3 });
    expect(d('lion')).toMatchObject({ lr: 1e-4, beta1: 0.9, beta2: 0.99 });
  });
  it('derived values: nadam 0.96^ψ, radam ρ∞', () => {
    expect(getOptimizer('nadam').derive({ momentum_decay: 0.5 }).momentum_decay_base).toBeCloseTo(Math.sqrt(0.96), 15);
    expect(getOptimizer('radam').derive({ beta2: 0.999 }).rho_inf).toBeCloseTo(1999, 9);
  });
  it('resolveHyper fills defaults, rounds with r, derives from unrounded values', () => {
    const h = resolveHyper(getOptimizer('nadam'), { lr: 0.1 }, Math.fround);
    expect(h.lr).toBe(Math.fround(0.1));
    expect(h.beta2).toBe(Math.fround(0.999));
    expect(h.momentum_decay_base).toBe(Math.fround(Math.pow(0.96, 4e-3)));
  });
});

const exp = (gamma: number, n: number): Float64Array =>
  Float64Array.from({ length: n + 1 }, (_, t) => gamma ** Math.max(0, t - 1));

// Tuned so each reaches |θ| < 1e-3 and stays there; sign/normalised methods need a decaying lr.
const CONVERGE: [string, Record<string, number>, number, Float64Array?][] = [
  ['gd', { lr: 0.05 }, 300],
  ['sgd', { lr: 0.02, momentum: 0.5 }, 300],
  ['sgd', { lr: 0.02, momentum: 0.5, nesterov: 1 }, 300],
  ['momentum_ema', { lr: 0.04, beta: 0.5 }, 300],
  ['adagrad', { lr: 0.5 }, 300],
  ['rmsprop', { lr: 0.01 }, 2000, exp(0.995, 2000)],
  ['rmsprop', { lr: 0.01, centered: 1, momentum: 0.5 }, 2000, exp(0.995, 2000)],
  ['adadelta', { lr: 1 }, 3000, exp(0.998, 3000)],
  ['adam', { lr: 0.05 }, 1000],
  ['adam', { lr: 0.05, amsgrad: 1 }, 1000],
  ['adamw', { lr: 0.05 }, 1000],
  ['adamax', { lr: 0.05 }, 1000],
  ['nadam', { lr: 0.05 }, 1000],
  ['radam', { lr: 0.05 }, 1000],
  ['lion', { lr: 5e-4 }, 3000],
];

describe('convergence on f = x² + 10y² from (1, 1)', () => {
  it.each(CONVERGE)('%s %j within %i steps', (id, h, n, factors) => {
    const tr = runImpl(id, h, [1, 1], n, { factors });
    const tail = tr.slice(Math.floor(n * 0.9));
    expect(Math.max(...tail.map((p) => Math.hypot(p[0], p[1])))).toBeLessThan(1e-3);
  });
});

const F32_CASES: [string, Record<string, number>][] = [
  ['gd', { lr: 0.01, weight_decay: 0.1 }],
  ['sgd', { lr: 0.01, momentum: 0.9, dampening: 0.1, weight_decay: 0.01 }],
  ['sgd', { lr: 0.01, momentum: 0.9, nesterov: 1 }],
  ['momentum_ema', { lr: 0.02, beta: 0.9 }],
  ['adagrad', { lr: 0.1, lr_decay: 0.01, initial_accumulator_value: 0.1 }],
  ['rmsprop', { lr: 0.01, momentum: 0.5, centered: 1 }],
  ['adadelta', { lr: 1 }],
  ['adam', { lr: 0.01, amsgrad: 1, weight_decay: 0.01 }],
  ['adamw', { lr: 0.01 }],
  ['adamax', { lr: 0.01 }],
  ['nadam', { lr: 0.01 }],
  ['radam', { lr: 0.01 }],
  ['lion', { lr: 1e-3, weight_decay: 0.1 }],
];

describe('float32 mode (r = Math.fround)', () => {
  it.each(F32_CASES)('%s %j: every value is an f32, close to float64 over 30 steps', (id, h) => {
    const f32 = runImpl(id, h, [0.7, -0.4], 30, { r: Math.fround });
    const f64 = runImpl(id, h, [0.7, -0.4], 30);
    let differs = false;
    f32.forEach((p, k) => {
      for (let i = 0; i < 2; i++) {
        expect(Math.fround(p[i])).toBe(p[i]);
        if (p[i] !== f64[k][i]) differs = true;
        // Rounding only (~1e-7 per op), amplified at most ~1e4× by cancellations such as RAdam's
        // ρ_t = ρ∞ − 2tβ2^t/(1 − β2^t) (ρ∞ ≈ 2000 against ρ_t ≈ 1..30).
        expect(Math.abs(p[i] - f64[k][i])).toBeLessThan(1e-3 * Math.max(1e-2, Math.abs(f64[k][i])));
      }
    });
    expect(differs).toBe(true);
  });
});
