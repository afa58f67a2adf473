/**
 * retune ("continue with the new value") and restartRun ("restart this run from the start
 * point") of the reference simulator: a restarted run is bit for bit a fresh run started at
 * that moment (its own step counter drives t, the schedule and its status), a retune is the
 * hand-run continuation with the new hyperparameters, and the other runs never notice.
 */
import { describe, expect, it } from 'vitest';
import { resolveExperiment, type ExperimentInput, type ResolvedExperiment } from './experiment';
import { bindObjective } from './objectives';
import { clipGradNorm } from './optimizers';
import { roundF32Ftz } from './f32';
import { createSimulation, simulate, type Simulation } from './simulate';
import { identity, prepareRuns } from './simulate/prepare';

const cosine = { kind: 'cosine', t_max: 60, min_factor: 0.1, warmup: 5 } as const;

function race(lr0: number, steps = 90, objective = 'himmelblau'): ResolvedExperiment {
  return resolveExperiment({
    objective: { id: objective },
    steps,
    runs: [
      { optimizer: 'adam', hyper: { lr: lr0 }, schedule: cosine },
      { optimizer: 'radam', hyper: { lr: 0.01 }, schedule: { kind: 'step', step_size: 7, gamma: 0.5 } },
      { optimizer: 'adagrad', hyper: { lr: 0.05, lr_decay: 0.01 }, max_grad_norm: 3 },
      { optimizer: 'gd', hyper: { lr: 0.0005 } },
    ],
  } as ExperimentInput);
}

/** Run i's x, y, loss, gradNorm, state and status now. */
function values(sim: Simulation, i: number): number[] {
  const s = sim.status(i);
  return [sim.x[i], sim.y[i], sim.loss[i], sim.gradNorm[i], sim.grad[2 * i], sim.grad[2 * i + 1], ...sim.state[i], s.kind === 'running' ? -1 : s.step];
}

for (const p of ['f64', 'f32'] as const) {
  describe(`restartRun (${p})`, () => {
    it('a restarted Adam run (cosine schedule) equals a fresh run started at that moment, every step; others are untouched', () => {
      const before = race(0.02);
      const after = race(0.05);
      const sim = createSimulation(before, p);
      const untouched = createSimulation(before, p);
      sim.advance(30);
      untouched.advance(30);
      sim.restartRun(0, after);
      expect(sim.step).toBe(30);
      expect(sim.origin(0)).toBe(30);
      expect(sim.status(0)).toEqual({ kind: 'running' });
      const fresh = simulate({ ...after, steps: 60, runs: [after.runs[0]] }, p)[0];
      expect([sim.x[0], sim.y[0], sim.loss[0]]).toEqual([fresh.x[0], fresh.y[0], fresh.loss[0]]);
      for (let k = 1; k <= 60; k++) {
        expect(sim.advance(1)).toBe(1);
        untouched.advance(1);
        expect([sim.x[0], sim.y[0], sim.loss[0], sim.gradNorm[0]], `local step ${k}`).toEqual([fresh.x[k], fresh.y[k], fresh.loss[k], fresh.gradNorm[k]]);
        for (const j of [1, 2, 3]) expect(values(sim, j)).toEqual(values(untouched, j));
      }
      // The global budget ends the race: the restarted run got steps − origin steps.
      expect(sim.advance(10)).toBe(0);
      const freshSim = createSimulation({ ...after, steps: 60, runs: [after.runs[0]] }, p);
      freshSim.advance(60);
      expect(values(sim, 0)).toEqual(values(freshSim, 0));
    });

    it('t-dependent optimizers restart their own t (radam ρ_t, adagrad lr_decay, step schedule)', () => {
      const exp = race(0.02);
      const sim = createSimulation(exp, p);
      sim.advance(17);
      sim.restartRun(1, exp);
      sim.advance(11);
      sim.restartRun(2, exp);
      sim.advance(90);
      for (const [i, o] of [[1, 17], [2, 28]] as const) {
        const fresh = createSimulation({ ...exp, steps: 90 - o, runs: [exp.runs[i]] }, p);
        fresh.advance(90);
        expect(values(sim, i), `run ${i}`).toEqual(values(fresh, 0));
      }
    });

    it('statuses count local steps: a run restarted at 40 converges at the fresh run\'s step', () => {
      const exp = resolveExperiment({ objective: { id: 'quadratic' }, steps: 400, gradTol: 1e-3, runs: [{ optimizer: 'gd', hyper: { lr: 0.05 } }, { optimizer: 'gd', hyper: { lr: 0.08 } }] });
      const fresh = simulate({ ...exp, steps: 360, runs: [exp.runs[1]] }, p)[0];
      expect(fresh.status.kind).toBe('converged');
      const sim = createSimulation(exp, p);
      sim.advance(40);
      sim.restartRun(1, exp);
      sim.advance(400);
      expect(sim.status(1)).toEqual(fresh.status);
      expect(sim.status(0)).toEqual(simulate(exp, p)[0].status);
    });

    it('reset() brings every origin back to 0', () => {
      const exp = race(0.02, 30);
      const sim = createSimulation(exp, p);
      sim.advance(10);
      sim.restartRun(0, exp);
      sim.reset();
      expect(sim.origin(0)).toBe(0);
      sim.advance(30);
      const ref = createSimulation(exp, p);
      ref.advance(30);
      for (let i = 0; i < 4; i++) expect(values(sim, i)).toEqual(values(ref, i));
    });
  });

  describe(`retune (${p})`, () => {
    it('continues every run with the new values from the next step: the hand-run continuation', () => {
      const before = race(0.02, 50);
      const after: ResolvedExperiment = {
        ...before,
        runs: before.runs.map((r, i) => ({ ...r, hyper: { ...r.hyper, lr: r.hyper.lr * (1 + 0.25 * i) }, max_grad_norm: i === 0 ? 0.5 : r.max_grad_norm })),
      };
      const sim = createSimulation(before, p);
      sim.advance(20);
      const hand = handContinuation(sim, after, p, 30);
      sim.retune(after);
      expect(sim.step).toBe(20);
      sim.advance(30);
      for (let i = 0; i < 4; i++) expect([sim.x[i], sim.y[i], ...sim.state[i]], `run ${i}`).toEqual(hand[i]);
    });

    it('keeps origins and statuses; a retune with the same values changes nothing', () => {
      const exp = race(0.02, 60);
      const sim = createSimulation(exp, p);
      const ref = createSimulation(exp, p);
      sim.advance(12);
      ref.advance(12);
      sim.restartRun(3, exp);
      ref.restartRun(3, exp);
      sim.advance(5);
      ref.advance(5);
      sim.retune(exp);
      expect(sim.origin(3)).toBe(12);
      sim.advance(60);
      ref.advance(60);
      for (let i = 0; i < 4; i++) expect(values(sim, i)).toEqual(values(ref, i));
    });
  });
}

describe('retune / restartRun refuse what only configure can change', () => {
  const exp = race(0.02, 30);
  it.each([
    ['the run count', { ...exp, runs: exp.runs.slice(1) }],
    ['optimizer', { ...exp, runs: [{ ...exp.runs[0], optimizer: 'adamw' }, ...exp.runs.slice(1)] }],
    ['the objective', { ...exp, objective: { id: 'beale', params: {} } }],
    ['the start point', { ...exp, start: [0.25, -3] }],
    ['the step budget', { ...exp, steps: 31 }],
  ] as [string, ResolvedExperiment][])('%s', (what, next) => {
    const sim = createSimulation(exp);
    expect(() => sim.retune(next)).toThrow(what);
    expect(() => sim.restartRun(0, next)).toThrow(what);
  });
  it('a run index out of range', () => {
    expect(() => createSimulation(exp).restartRun(4, exp)).toThrow('run index 4');
  });
});

/**
 * The continuation written out: from the simulation's current θ, gradient and state, `n`
 * steps of the header's step 3 with `after`'s prepared hyperparameters (t = k + 1).
 */
function handContinuation(sim: Simulation, after: ResolvedExperiment, p: 'f32' | 'f64', n: number): number[][] {
  const r = p === 'f32' ? roundF32Ftz : identity;
  const runs = prepareRuns(after, r);
  const formula = bindObjective(after.objective.id, after.objective.params).formula;
  const params = bindObjective(after.objective.id, after.objective.params).paramValues.map(r);
  const out = new Float64Array(3);
  return runs.map((run, i) => {
    const theta = Float64Array.of(sim.x[i], sim.y[i]);
    const state = sim.state[i].slice();
    let g = Float64Array.of(sim.grad[2 * i], sim.grad[2 * i + 1]);
    for (let k = sim.step; k < sim.step + n; k++) {
      const gc = g.slice();
      clipGradNorm(gc, run.maxNorm, r);
      const t = k + 1;
      run.def.step({ theta, g: gc, state, t, lr: r(run.lr * run.m[t]), h: run.h, r });
      if (p === 'f32') formula.evaluate32(theta[0], theta[1], params, out);
      else formula.evaluate(theta[0], theta[1], params, out);
      g = Float64Array.of(out[1], out[2]);
    }
    return [theta[0], theta[1], ...state];
  });
}
