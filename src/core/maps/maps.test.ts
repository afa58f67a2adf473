import { describe, expect, it } from 'vitest';
import { resolveExperiment } from '../experiment';
import { asHeavyBall, axisFraction, axisValues, cellOf, checkAxis, heavyBallLrLimit, heavyBallRadius, heavyBallRate, hyperMapExperiment, mapAxesOf } from '.';

describe('map grids', () => {
  it('log and linear cell centres, and the cell of a value', () => {
    expect(Array.from(axisValues({ min: 0, max: 1, cells: 4, scale: 'linear' }))).toEqual([0.125, 0.375, 0.625, 0.875]);
    const log = { min: 1e-4, max: 1, cells: 4, scale: 'log' } as const;
    const v = axisValues(log);
    expect(v[0]).toBeCloseTo(10 ** -3.5, 12);
    expect(v[3]).toBeCloseTo(10 ** -0.5, 12);
    expect(cellOf(log, 1e-3)).toBe(1);
    expect(cellOf(log, 2)).toBe(-1);
    expect(axisFraction(log, 1e-2)).toBeCloseTo(0.5, 12);
    expect(() => checkAxis({ min: 0, max: 1, cells: 8, scale: 'log' })).toThrow(/min > 0/);
    expect(() => checkAxis({ min: 0, max: 1, cells: 513, scale: 'linear' })).toThrow(/1\.\.512/);
  });
});

describe('heavy ball in closed form', () => {
  it('ρ = 1 exactly at lr = 2(1 + μ)/λ, √μ for complex roots, |1 − lrλ| without momentum', () => {
    expect(heavyBallRadius(heavyBallLrLimit(0.5, [100]), 0.5, 100)).toBeCloseTo(1, 12);
    expect(heavyBallRadius(0.02, 0.81, 100)).toBeCloseTo(0.9, 12);
    expect(heavyBallRadius(0.015, 0, 100)).toBeCloseTo(0.5, 12);
    expect(heavyBallRate(0.0285, 0.5, [1, 100])).toBeLessThan(1);
    expect(heavyBallRate(0.0315, 0.5, [1, 100])).toBeGreaterThan(1);
  });
  it('maps optimizers to heavy ball: SGD momentum, GD, and momentum_ema with γ = α(1 − β)', () => {
    expect(asHeavyBall('sgd', { lr: 0.1, momentum: 0.9, dampening: 0, nesterov: 0, weight_decay: 0 })).toEqual({ lr: 0.1, momentum: 0.9 });
    expect(asHeavyBall('momentum_ema', { lr: 0.1, beta: 0.9, weight_decay: 0 })!.lr).toBeCloseTo(0.01, 15);
    expect(asHeavyBall('sgd', { lr: 0.1, momentum: 0.9, nesterov: 1 })).toBeNull();
    expect(asHeavyBall('adam', { lr: 0.1 })).toBeNull();
  });
});

describe('hyperMapExperiment', () => {
  it('one run per cell, x fastest, the rest of the template kept; bad axes refused', () => {
    const base = resolveExperiment({ objective: { id: 'rosenbrock' }, runs: [{ optimizer: 'adam', hyper: { lr: 0.01, beta2: 0.99 }, max_grad_norm: 1 }] });
    const x = { min: 1e-3, max: 1e-1, cells: 3, scale: 'log' } as const;
    const y = { min: 0.5, max: 0.9, cells: 2, scale: 'linear' } as const;
    const e = hyperMapExperiment({ experiment: base, run: 0, xName: 'lr', yName: 'beta1', x, y, steps: 50 });
    expect(e.runs.length).toBe(6);
    expect(e.steps).toBe(50);
    expect(e.runs[1].hyper.lr).toBeCloseTo(1e-2, 12);
    expect(e.runs[4].hyper.beta1).toBeCloseTo(0.8, 12);
    expect(e.runs[4].hyper.beta2).toBe(0.99);
    expect(e.runs[4].max_grad_norm).toBe(1);
    expect(mapAxesOf('adam').map((h) => h.name)).toContain('beta1');
    expect(mapAxesOf('adam').map((h) => h.name)).not.toContain('amsgrad');
    expect(() => hyperMapExperiment({ experiment: base, run: 0, xName: 'lr', yName: 'lr', x, y, steps: 5 })).toThrow(/different/);
    expect(() => hyperMapExperiment({ experiment: base, run: 0, xName: 'lr', yName: 'amsgrad', x, y, steps: 5 })).toThrow(/numeric/);
    expect(() => hyperMapExperiment({ experiment: base, run: 0, xName: 'lr', yName: 'beta1', x: { ...x, max: 100 }, y, steps: 5 })).toThrow(/outside/);
  });
});
