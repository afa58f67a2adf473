import { describe, expect, it } from 'vitest';
import { resolveExperiment, type ResolvedExperiment } from '../../core/experiment';
import { createSimulation } from '../../core/simulate';
import { Population } from './population';

const ALL = ['gd', 'sgd', 'momentum_ema', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamw', 'adamax', 'nadam', 'radam', 'lion'];

function experiment(objective: string, start?: [number, number], extra: Record<string, unknown> = {}): ResolvedExperiment {
  return resolveExperiment({
    objective: { id: objective },
    start,
    steps: 60,
    runs: ALL.map((optimizer) => ({ optimizer, hyper: { lr: 0.01 }, max_grad_norm: optimizer === 'sgd' ? 5 : 0 })),
    ...extra,
  });
}

function expectSame(p: Population, i: number, sim: ReturnType<typeof createSimulation>, j: number): void {
  expect([p.x[i], p.y[i], p.loss[i], p.gradNorm[i]]).toEqual([sim.x[j], sim.y[j], sim.loss[j], sim.gradNorm[j]]);
  expect(p.status(i)).toEqual(sim.status(j));
  expect(Array.from(p.state(i))).toEqual(Array.from(sim.state[j]));
}

describe('Population mirrors the core Simulation', () => {
  for (const precision of ['f32', 'f64'] as const) {
    it(`replicas of every optimizer equal the simulator (${precision}, rosenbrock and rastrigin)`, () => {
      for (const obj of ['rosenbrock', 'rastrigin']) {
        const exp = experiment(obj);
        const sim = createSimulation(exp, precision);
        // Replicas 12..35 repeat the templates twice more, each from the common start.
        const p = new Population(exp, precision, 12, 36);
        sim.advance(25);
        p.advance(25);
        sim.advance(100);
        p.advance(100);
        for (let i = 0; i < p.count; i++) expectSame(p, i, sim, (12 + i) % 12);
      }
    });
  }

  it('a replica with its own start equals a simulation started there, with divergence flags', () => {
    const starts = new Float64Array([0.5, -0.25, 3, 2, 1e3, 1e3]);
    const exp = resolveExperiment({ objective: { id: 'saddle' }, steps: 200, bound: 50, runs: [{ optimizer: 'adam', hyper: { lr: 0.5 } }] });
    const p = new Population(exp, 'f32', 0, 3, starts);
    p.advance(200);
    for (let i = 0; i < 3; i++) {
      const sim = createSimulation({ ...exp, start: [starts[2 * i], starts[2 * i + 1]] }, 'f32');
      sim.advance(200);
      expectSame(p, i, sim, 0);
    }
    expect(p.status(2)).toEqual({ kind: 'diverged', step: 0, reason: 'bound' });
    expect(p.status(0).kind).toBe('diverged');
  });

  it('records every step of the recorded runs, frozen runs repeating their values', () => {
    const exp = resolveExperiment({ objective: { id: 'saddle' }, steps: 40, bound: 5, runs: [{ optimizer: 'sgd', hyper: { lr: 0.3 } }] });
    const p = new Population(exp, 'f64', 0, 2, new Float64Array([0.1, 0.1, 0.1, -0.2]));
    const seen: string[] = [];
    p.advance(40, 1, (i, k) => seen.push(`${i}:${k}:${p.x[i]}`));
    expect(seen.length).toBe(40);
    expect(seen.every((s) => s.startsWith('0:'))).toBe(true);
    const d = p.status(0);
    expect(d.kind).toBe('diverged');
    if (d.kind === 'diverged') expect(seen[39]).toBe(seen[d.step - 1].replace(`:${d.step}:`, ':40:'));
  });
});
