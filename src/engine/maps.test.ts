/**
 * The maps of issue 13 on the CPU engine's population (f32, the GPU's arithmetic): the
 * heavy-ball lr × momentum map on the quadratic bowl with eigenvalues (1, 100) against the
 * closed-form boundary lr < 2(1 + μ)/λ_max, the Himmelblau basin map's four basins, and the
 * map job's chunking and cancel against a real (in-thread) engine.
 */
import { describe, expect, it } from 'vitest';
import { resolveExperiment, type ResolvedExperiment } from '../core/experiment';
import { axisValues, basinExperiment, basinStarts, basinTolerance, cellOf, cellValues, classifyBasins, heavyBallLrLimit, hyperMapExperiment, type MapAxis } from '../core/maps';
import { bindObjective } from '../core/objectives';
import { Population } from './cpu/population';
import { allFinished, nextChunk, runMapJob } from './mapJob';
import { SimEngine } from './testing/simEngine';

function runPopulation(exp: ResolvedExperiment, starts?: Float64Array) {
  const count = starts ? starts.length / 2 : exp.runs.length;
  const pop = new Population(exp, 'f32', 0, count, starts);
  const loss0 = pop.loss[0];
  pop.advance(exp.steps);
  const status = Array.from({ length: count }, (_, i) => pop.status(i));
  return { pop, loss0, status };
}

describe('hyperparameter map: heavy ball on the quadratic with eigenvalues (1, 100)', () => {
  it('the measured converging/diverging boundary is within one cell of lr = 2(1 + μ)/100 in every row', () => {
    const base = resolveExperiment({
      objective: { id: 'quadratic', params: { kappa: 100, theta: 30 } },
      steps: 300,
      gradTol: 0,
      runs: [{ optimizer: 'sgd', hyper: { lr: 0.01, momentum: 0.5, dampening: 0 } }],
    });
    const x: MapAxis = { min: 1e-3, max: 1, cells: 64, scale: 'log' };
    const y: MapAxis = { min: 0, max: 0.95, cells: 24, scale: 'linear' };
    const exp = hyperMapExperiment({ experiment: base, run: 0, xName: 'lr', yName: 'momentum', x, y, steps: 300 });
    expect(exp.runs.length).toBe(64 * 24);
    const { pop, loss0, status } = runPopulation(exp);
    const cells = cellValues(pop.loss, status, 300, loss0);
    const mus = axisValues(y);
    let rowsChecked = 0;
    for (let j = 0; j < 24; j++) {
      const row = Array.from({ length: 64 }, (_, i) => cells.outcome[j * 64 + i]);
      const measured = row.indexOf(1);
      const expected = cellOf(x, heavyBallLrLimit(mus[j], [1, 100]));
      expect(measured, `row μ = ${mus[j].toFixed(3)}`).toBeGreaterThanOrEqual(0);
      expect(Math.abs(measured - expected), `row μ = ${mus[j].toFixed(3)}: measured cell ${measured}, analytic ${expected}`).toBeLessThanOrEqual(1);
      // One boundary: everything left of it converges (loss fell), everything right diverges.
      expect(row.slice(0, measured).every((o) => o !== 1)).toBe(true);
      expect(row.slice(measured).every((o) => o === 1)).toBe(true);
      rowsChecked++;
    }
    expect(rowsChecked).toBe(24);
  });
});

describe('basin map on Himmelblau', () => {
  it('finds exactly the four known minima as basins', () => {
    const base = resolveExperiment({ objective: { id: 'himmelblau' }, steps: 800, gradTol: 1e-4, runs: [{ optimizer: 'gd', hyper: { lr: 0.01 } }] });
    const bound = bindObjective('himmelblau');
    const view = bound.def.view;
    const spec = { experiment: base, run: 0, view, nx: 48, ny: 48, steps: 800 };
    const starts = basinStarts(spec);
    const { pop, status } = runPopulation(basinExperiment(spec), starts);
    const basins = classifyBasins(pop.x, pop.y, status, bound.minima, basinTolerance(view));
    const found = new Set(Array.from(basins).filter((k) => k >= 0));
    expect(bound.minima.length).toBe(4);
    expect([...found].sort()).toEqual([0, 1, 2, 3]);
    // Each basin is a real region, not a stray pixel, and its runs end at its minimum.
    for (const k of found) {
      const mine = Array.from(basins).map((b, c) => (b === k ? c : -1)).filter((c) => c >= 0);
      expect(mine.length).toBeGreaterThan(48 * 48 * 0.05);
      for (const c of mine) expect(Math.hypot(pop.x[c] - bound.minima[k].x, pop.y[c] - bound.minima[k].y)).toBeLessThan(basinTolerance(view));
    }
  });
});

describe('runMapJob', () => {
  const exp = resolveExperiment({ objective: { id: 'rosenbrock' }, steps: 400, gradTol: 0, runs: [{ optimizer: 'adam', hyper: { lr: 0.01 } }] });

  it('steps to the end in growing chunks, reporting progress after each', async () => {
    const engine = new SimEngine();
    const seen: number[] = [];
    const last = await runMapJob(engine, exp, { onProgress: (done) => seen.push(done) });
    expect(last!.step).toBe(400);
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(400);
    expect(engine.stepSizes.reduce((a, b) => a + b, 0)).toBe(400);
    expect(engine.stepSizes[0]).toBe(8);
  });

  it('a cancel stops before the next chunk: no step is asked for after it', async () => {
    const engine = new SimEngine();
    const abort = new AbortController();
    let calls = 0;
    const last = await runMapJob(engine, exp, {
      signal: abort.signal,
      onProgress: (done) => {
        if (done > 0 && calls++ === 0) abort.abort();
      },
    });
    expect(last).toBeNull();
    expect(engine.stepSizes.length).toBe(1);
  });

  it('chunk sizing: the measured rate, the per-call overhead amortised, ≤ 4× the last, never past the end', () => {
    expect(nextChunk([{ take: 8, ms: 10 }], 1000)).toBe(32);
    expect(nextChunk([{ take: 100, ms: 300 }], 1000)).toBe(50);
    expect(nextChunk([{ take: 100, ms: 10 }], 20)).toBe(20);
    expect(nextChunk([{ take: 1, ms: 1e6 }], 10)).toBe(1);
    // 160 ms per call plus 10 ms per step: calls of ~50 steps (overhead ≤ a fifth), not 1.
    const slow = [{ take: 8, ms: 240 }, { take: 4, ms: 200 }];
    expect(nextChunk(slow, 1000)).toBe(16);
    expect(nextChunk([...slow, { take: 16, ms: 320 }], 1000)).toBe(48);
    expect(allFinished({ status: [{ kind: 'converged', step: 3 }, { kind: 'diverged', step: 1, reason: 'nan' }] } as never)).toBe(true);
  });
});
