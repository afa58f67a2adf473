import { describe, expect, it } from 'vitest';
import { resolveExperiment } from '../experiment';
import { bindObjective, getObjective } from '../objectives';
import { simulate } from '../simulate';
import { judgeStatus, stationaryJudge } from './stationary';

const judgeOf = (id: 'rastrigin' | 'goldstein_price' | 'saddle' | 'custom' | 'himmelblau') =>
  stationaryJudge(bindObjective(id).minima, getObjective(id).bounded);

describe('converged or stalled', () => {
  it("Rastrigin's default gd run: the gradient vanishes at a local minimum (loss 17.9): stalled, not converged", () => {
    const exp = resolveExperiment({ objective: { id: 'rastrigin' }, start: [3.3, -2.7], steps: 200, gradTol: 1e-4, runs: [{ optimizer: 'gd', hyper: { lr: 1e-3 } }] });
    const [t] = simulate(exp, 'f32');
    expect(t.status).toEqual({ kind: 'converged', step: 30 }); // what the engines report
    expect(t.loss[200]).toBeCloseTo(17.91, 2);
    expect(judgeStatus(judgeOf('rastrigin'), t.status, t.loss[200])).toEqual({ kind: 'stalled', step: 30 });
  });

  it('a run at the global minimum stays converged (Rastrigin from near the origin, Himmelblau at any of its four)', () => {
    const exp = resolveExperiment({ objective: { id: 'rastrigin' }, start: [0.2, -0.1], steps: 300, gradTol: 1e-4, runs: [{ optimizer: 'gd', hyper: { lr: 1e-3 } }] });
    const [t] = simulate(exp, 'f32');
    expect(t.status.kind).toBe('converged');
    expect(judgeStatus(judgeOf('rastrigin'), t.status, t.loss[300]).kind).toBe('converged');
    expect(judgeStatus(judgeOf('himmelblau'), { kind: 'converged', step: 5 }, 1e-9).kind).toBe('converged');
  });

  it("Goldstein–Price: its local minimum 30 is stalled, its global 3 converged", () => {
    const j = judgeOf('goldstein_price');
    expect(j.globalMin).toBe(3);
    expect(judgeStatus(j, { kind: 'converged', step: 9 }, 30.0001)).toEqual({ kind: 'stalled', step: 9 });
    expect(judgeStatus(j, { kind: 'converged', step: 9 }, 3.000001)).toEqual({ kind: 'converged', step: 9 });
  });

  it('without known minima: the saddle (no minimum exists) stalls, a custom formula keeps converged', () => {
    expect(judgeStatus(judgeOf('saddle'), { kind: 'converged', step: 4 }, 0)).toEqual({ kind: 'stalled', step: 4 });
    expect(judgeStatus(judgeOf('custom'), { kind: 'converged', step: 4 }, 0)).toEqual({ kind: 'converged', step: 4 });
  });

  it('other statuses pass through', () => {
    const d = { kind: 'diverged', step: 3, reason: 'loss' } as const;
    expect(judgeStatus(judgeOf('rastrigin'), d, 50)).toBe(d);
    expect(judgeStatus(judgeOf('rastrigin'), { kind: 'running' }, 50)).toEqual({ kind: 'running' });
  });
});
