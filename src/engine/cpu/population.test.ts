import { describe, expect, it } from 'vitest';
import { resolveExperiment, type ResolvedExperiment } from '../../core/experiment';
import { getOptimizer } from '../../core/optimizers';
import { createSimulation } from '../../core/simulate';
import { CHUNK, Population } from './population';

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

/** lr 0.02, weight decay and every flag the optimizer has (momentum 0.5 where it has one). */
function flagged(id: string): Record<string, number> {
  const wanted: Record<string, number> = { lr: 0.02, weight_decay: 0.05, amsgrad: 1, nesterov: 1, centered: 1, momentum: 0.5 };
  const names = new Set(getOptimizer(id).hyper.map((s) => s.name));
  return Object.fromEntries(Object.entries(wanted).filter(([k]) => names.has(k)));
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

  for (const precision of ['f32', 'f64'] as const) {
    it(`chunked stepping: every optimizer (flags on half the templates) from own starts equals the simulator (${precision})`, () => {
      const templates = ALL.flatMap((optimizer, k) => [
        { optimizer, hyper: { lr: 0.01 }, max_grad_norm: k % 3 === 0 ? 2 : 0 },
        { optimizer, hyper: flagged(optimizer), schedule: { kind: 'step', step_size: 7, gamma: 0.5 } },
      ]);
      for (const obj of ['rosenbrock', 'himmelblau', 'ackley', 'saddle']) {
        const exp = resolveExperiment({ objective: { id: obj }, steps: 30, bound: 8, runs: templates });
        const T = exp.runs.length;
        // More runs than a chunk per template for the first templates; begin ≠ 0 shifts templates.
        const begin = 5;
        const count = T * 3 + CHUNK + 11;
        const starts = Float64Array.from({ length: 2 * count }, (_, j) => Math.sin(j * 12.9898) * 4);
        const p = new Population(exp, precision, begin, begin + count, starts);
        p.advance(13);
        p.advance(30);
        for (let i = 0; i < count; i += i < 3 * T ? 1 : 37) {
          const t = (begin + i) % T;
          const sim = createSimulation({ ...exp, runs: [exp.runs[t]], start: [starts[2 * i], starts[2 * i + 1]] }, precision);
          sim.advance(13);
          sim.advance(30);
          expectSame(p, i, sim, 0);
          expect(Array.from(p.grad.subarray(2 * i, 2 * i + 2))).toEqual(Array.from(sim.grad));
        }
      }
    });
  }

  it('flushes subnormal results like the simulator (f32): Adam state decays to 0 at an exact minimum', () => {
    const exp = resolveExperiment({ objective: { id: 'quadratic' }, steps: 3000, gradTol: 0, runs: [{ optimizer: 'adam', hyper: { lr: 0.01 } }] });
    const sim = createSimulation(exp, 'f32');
    const p = new Population(exp, 'f32', 0, 1, Float64Array.from(exp.start));
    sim.advance(3000);
    p.advance(3000);
    expectSame(p, 0, sim, 0);
  });

  it('records across chunks and steps in any call size, with runs diverging mid-call', () => {
    const exp = resolveExperiment({ objective: { id: 'saddle' }, steps: 50, bound: 3, runs: [{ optimizer: 'sgd', hyper: { lr: 0.2 } }, { optimizer: 'adam', hyper: { lr: 0.1 } }] });
    const count = 2 * CHUNK + 3;
    const starts = Float64Array.from({ length: 2 * count }, (_, j) => Math.cos(j * 7.31) * 0.5);
    const recordCount = count; // every run records: chunks of both templates interleave
    const p = new Population(exp, 'f64', 0, count, starts);
    const seen = new Float64Array(count * 50).fill(NaN);
    for (const n of [1, 7, 42]) p.advance(n, recordCount, (i, k) => { seen[i * 50 + k - 1] = p.x[i] + 10 * p.loss[i]; });
    let diverged = 0;
    for (const i of [0, 1, 2, CHUNK + 1, count - 1]) {
      const sim = createSimulation({ ...exp, runs: [exp.runs[i % 2]], start: [starts[2 * i], starts[2 * i + 1]] });
      for (let k = 1; k <= 50; k++) {
        sim.advance(1);
        expect(seen[i * 50 + k - 1]).toBe(sim.x[0] + 10 * sim.loss[0]);
      }
      if (sim.status(0).kind === 'diverged') diverged++;
      expectSame(p, i, sim, 0);
    }
    expect(diverged).toBeGreaterThan(0);
  });
});


describe('Population retune and restartRun mirror the core Simulation', () => {
  for (const precision of ['f32', 'f64'] as const) {
    it(`every optimizer, restarts at different steps in one chunk, then a retune (${precision})`, () => {
      const base = resolveExperiment({
        objective: { id: 'himmelblau' },
        steps: 50,
        runs: ALL.map((optimizer, k) => ({ optimizer, hyper: { lr: 0.01 }, max_grad_norm: k % 2 ? 2 : 0, schedule: { kind: 'cosine', t_max: 40, warmup: 3 } })),
      });
      const T = base.runs.length;
      const tuned: ResolvedExperiment = { ...base, runs: base.runs.map((r, k) => ({ ...r, hyper: { ...r.hyper, lr: 0.01 + 0.002 * k } })) };
      // Replicas 0..2T-1 of the common start: run i is template i % T, so the simulator's run i % T
      // twin must see the same restarts; use one simulation per replica round.
      const p = new Population(base, precision, 0, 2 * T);
      const sims = [createSimulation(base, precision), createSimulation(base, precision)];
      const both = (f: (s: ReturnType<typeof createSimulation>, round: number) => void, g: () => void) => { sims.forEach(f); g(); };
      both((s) => s.advance(7), () => p.advance(7));
      // Replica T + 3 restarts (round 1, template 3); every other restart hits round 0.
      both((s, round) => round === 1 ? s.restartRun(3, base) : s.retune(base), () => p.restartRun(T + 3, base));
      both((s) => s.advance(5), () => p.advance(5));
      both((s, round) => round === 0 ? s.restartRun(6, tuned) : s.retune(tuned), () => p.restartRun(6, tuned));
      both((s) => s.advance(9), () => p.advance(9));
      both((s) => s.retune(base), () => p.retune(base));
      both((s) => s.advance(50), () => p.advance(50));
      expect(p.origin(T + 3)).toBe(7);
      expect(p.origin(6)).toBe(12);
      for (let i = 0; i < 2 * T; i++) {
        const sim = sims[Math.floor(i / T)];
        expectSame(p, i, sim, i % T);
        expect(Array.from(p.grad.subarray(2 * i, 2 * i + 2))).toEqual(Array.from(sim.grad.subarray(2 * (i % T), 2 * (i % T) + 2)));
      }
    });
  }

  it('a restarted run equals a fresh population member started at that moment (own start, stepBatch path)', () => {
    const exp = resolveExperiment({ objective: { id: 'rosenbrock' }, steps: 40, runs: [{ optimizer: 'adam', hyper: { lr: 0.02 }, schedule: { kind: 'cosine', t_max: 30 } }] });
    const starts = new Float64Array([0.5, -0.25, -1, 1.5, 1.2, 1.2]);
    const p = new Population(exp, 'f32', 0, 3, starts);
    p.advance(15);
    p.restartRun(1, exp);
    p.advance(40);
    const fresh = new Population({ ...exp, steps: 25 }, 'f32', 0, 1, starts.slice(2, 4));
    fresh.advance(25);
    expect([p.x[1], p.y[1], p.loss[1], ...p.state(1)]).toEqual([fresh.x[0], fresh.y[0], fresh.loss[0], ...fresh.state(0)]);
    expect(p.status(1)).toEqual(fresh.status(0));
  });
});
