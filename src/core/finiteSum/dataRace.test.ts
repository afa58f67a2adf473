import { describe, expect, it } from 'vitest';
import { resolveExperiment } from '../experiment';
import { simulate } from '../simulate';
import { createDataRace, raceTraces, type DataRaceConfig } from './dataRace';
import { gradEvalsAfter } from './gradEvals';
import { regressionQuadratic } from './linearRegressionQuadratic';
import { LINEAR_REGRESSION_LOSS, LOGISTIC_REGRESSION_LOSS } from './losses';
import { createProblem } from './problem';
import { batchValue } from './sampleLoss';
import type { RaceRunConfig } from './raceRun';
import { BatchSampler, FULL_BATCH } from './sampler';
import { SvrgState } from './svrg';
import { blobs, noisyLine } from './testData';

const data = noisyLine(200, 3);
const race = (runs: RaceRunConfig[], extra: Partial<DataRaceConfig> = {}): DataRaceConfig => ({
  loss: LINEAR_REGRESSION_LOSS, dataset: data, runs, start: [-2, 3], steps: 300, seed: 1, gradTol: 0, bound: 1e6, ...extra,
});
const relClose = (a: Float64Array, b: Float64Array, tol: number): boolean =>
  a.every((v, k) => Math.abs(v - b[k]) <= tol * Math.max(Math.abs(v), Math.abs(b[k])));

describe('dataRace: full batch', () => {
  it('GD on the dataset equals GD on the closed-form quadratic (core/simulate, custom formula), 1e-12 relative', () => {
    const q = regressionQuadratic(data);
    const exp = resolveExperiment({
      objective: { id: 'custom', formula: q.literalFormula }, start: [-2, 3], steps: 300, gradTol: 0,
      runs: [{ optimizer: 'gd', hyper: { lr: 0.1 } }],
    });
    const [want] = simulate(exp, 'f64');
    const [got] = raceTraces(race([{ optimizer: 'gd', hyper: { lr: 0.1 }, batch: FULL_BATCH, stream: 0 }]));
    expect(relClose(got.x, want.x, 1e-12)).toBe(true);
    expect(relClose(got.y, want.y, 1e-12)).toBe(true);
    expect(relClose(got.loss, want.loss, 1e-12)).toBe(true);
    // It really went somewhere: from (−2, 3) to the least-squares line.
    expect(Math.abs(got.x[300] - q.optimum!.w)).toBeLessThan(1e-6);
    expect(got.gradEvals[300]).toBe(300 * 200);
    expect(got.epochs[300]).toBe(300);
  });

  it('B = n with shuffle equals the full batch up to summation order (each epoch one permuted batch)', () => {
    const [full, shuffled] = raceTraces(race([
      { optimizer: 'adam', hyper: { lr: 0.05 }, batch: FULL_BATCH, stream: 0 },
      { optimizer: 'adam', hyper: { lr: 0.05 }, batch: { size: 200, sampling: 'shuffle' }, stream: 0 },
    ]));
    expect(relClose(shuffled.x, full.x, 1e-12)).toBe(true);
    expect(relClose(shuffled.y, full.y, 1e-12)).toBe(true);
    expect(shuffled.gradEvals[300]).toBe(full.gradEvals[300]);
  });
});

describe('dataRace: stochastic runs', () => {
  it('each run draws from its own stream; the same stream and seed reproduce; reset replays', () => {
    const sgd = (stream: number): RaceRunConfig => ({ optimizer: 'sgd', hyper: { lr: 0.02, momentum: 0.5 }, batch: { size: 4, sampling: 'replacement' }, stream });
    const [a, b, c] = raceTraces(race([sgd(0), sgd(1), sgd(0)]));
    expect(Array.from(c.x)).toEqual(Array.from(a.x));
    expect(a.x.some((v, k) => v !== b.x[k])).toBe(true);
    const live = createDataRace(race([sgd(1)]));
    live.advance(120);
    live.reset();
    live.advance(300);
    expect(live.x[0]).toBe(b.x[300]);
    expect(live.gradEvals[0]).toBe(4 * 300);
  });

  it('SAG in the race follows Algorithm 1 on the sampler\'s indices (independent reference: d = Σ y_i recomputed)', () => {
    const small = noisyLine(20, 6);
    const steps = 120;
    const regime = { size: 3, sampling: 'shuffle' } as const;
    const [t] = raceTraces(race([{ optimizer: 'sag', hyper: { lr: 0.05 }, batch: regime, stream: 4 }], { dataset: small, steps, seed: 17 }));
    // Reference: the table as a Map, d as a fresh sum over it, θ ← θ − (α/m)·d.
    const [xs, ys] = small.columns;
    const table = new Map<number, [number, number]>();
    const s = new BatchSampler(regime, 20, 17, 4);
    const idx = new Uint32Array(3);
    let [w, b] = [-2, 3];
    for (let k = 0; k < steps; k++) {
      const count = s.indices(k, idx);
      for (let j = 0; j < count; j++) {
        const i = idx[j];
        const res = w * xs[i] + b - ys[i];
        table.set(i, [2 * res * xs[i], 2 * res]);
      }
      let dx = 0, dy = 0;
      for (const [gx, gy] of table.values()) {
        dx += gx;
        dy += gy;
      }
      w -= (0.05 / table.size) * dx;
      b -= (0.05 / table.size) * dy;
      expect(Math.abs(t.x[k + 1] - w)).toBeLessThan(1e-12);
      expect(Math.abs(t.y[k + 1] - b)).toBeLessThan(1e-12);
    }
    expect(t.gradEvals[steps]).toBe(gradEvalsAfter('sag', regime, 20, steps));
  });

  it('SVRG in the race (μ reused from the recorded full gradient) equals SvrgState alone, bit for bit in f32', () => {
    const regime = { size: 2, sampling: 'replacement' } as const;
    const cfg = race([{ optimizer: 'svrg', hyper: { lr: 0.05, m: 7 }, batch: regime, stream: 2 }], { steps: 40 });
    const [t] = raceTraces(cfg, 'f32');
    const p = createProblem(LINEAR_REGRESSION_LOSS, data, 'f32');
    const svrg = new SvrgState(7, 2);
    const s = new BatchSampler(regime, data.n, 1, 2);
    const idx = new Uint32Array(2);
    const theta = Float64Array.of(-2, 3);
    const lr = Math.fround(0.05);
    for (let k = 0; k < 40; k++) {
      svrg.step(p, k, idx, s.indices(k, idx), theta, lr);
      expect([t.x[k + 1], t.y[k + 1]]).toEqual([theta[0], theta[1]]);
    }
    expect(t.gradEvals[40]).toBe(gradEvalsAfter('svrg', regime, data.n, 40, 7));
  });

  it('f32 mode: every recorded value is an f32, for every kind of run', () => {
    const runs: RaceRunConfig[] = [
      { optimizer: 'gd', hyper: { lr: 0.1 }, batch: FULL_BATCH, stream: 0 },
      { optimizer: 'adam', hyper: { lr: 0.03 }, batch: { size: 16, sampling: 'shuffle' }, stream: 1, max_grad_norm: 1 },
      { optimizer: 'sag', hyper: { lr: 0.05 }, batch: { size: 1, sampling: 'replacement' }, stream: 2 },
      { optimizer: 'svrg', hyper: { lr: 0.05 }, batch: { size: 4, sampling: 'replacement' }, stream: 3 },
    ];
    for (const [loss, dataset] of [[LINEAR_REGRESSION_LOSS, data], [LOGISTIC_REGRESSION_LOSS, blobs(120, 5)]] as const) {
      const traces = raceTraces(race(runs, { loss, dataset, start: [0.1, -0.7], steps: 200 }), 'f32');
      for (const t of traces) {
        for (const arr of [t.x, t.y, t.loss, t.gradNorm]) for (const v of arr) expect(Math.fround(v)).toBe(v);
        expect(t.loss[200]).toBeLessThan(t.loss[0]);
      }
    }
  });
});

describe('dataRace: status and clipping, as in core/simulate', () => {
  it('a too large lr leaves the bound; the run is frozen and its records repeat', () => {
    const [t] = raceTraces(race([{ optimizer: 'gd', hyper: { lr: 2 }, batch: FULL_BATCH, stream: 0 }], { bound: 1e3, steps: 60 }));
    expect(t.status.kind === 'diverged' && t.status.reason).toBe('bound');
    const k = (t.status as { step: number }).step;
    expect(Math.max(Math.abs(t.x[k]), Math.abs(t.y[k]))).toBeGreaterThan(1e3);
    expect(Math.max(Math.abs(t.x[k - 1]), Math.abs(t.y[k - 1]))).toBeLessThanOrEqual(1e3);
    for (let j = k + 1; j <= 60; j++) expect([t.x[j], t.y[j], t.gradEvals[j]]).toEqual([t.x[k], t.y[k], t.gradEvals[k]]);
  });

  it('converged at the first step whose full-batch gradient norm is ≤ gradTol, and it keeps stepping', () => {
    const [t] = raceTraces(race([{ optimizer: 'gd', hyper: { lr: 0.1 }, batch: FULL_BATCH, stream: 0 }], { gradTol: 1e-4 }));
    const first = t.gradNorm.findIndex((g) => g <= 1e-4);
    expect(first).toBeGreaterThan(0);
    expect(t.status).toEqual({ kind: 'converged', step: first });
    expect(t.gradNorm[300]).toBeLessThan(t.gradNorm[first]);
  });

  it('max_grad_norm clips the batch gradient before the optimizer step', () => {
    const [t] = raceTraces(race([{ optimizer: 'gd', hyper: { lr: 1 }, batch: FULL_BATCH, stream: 0, max_grad_norm: 0.01 }], { steps: 3 }));
    // coef = 0.01 / (‖g‖ + 1e-6) < 1: the first step moves lr·0.01·‖g‖/(‖g‖ + 1e-6) ≈ 0.01.
    const len = Math.hypot(t.x[1] - t.x[0], t.y[1] - t.y[0]);
    expect(len).toBeCloseTo((0.01 * t.gradNorm[0]) / (t.gradNorm[0] + 1e-6), 12);
  });

  it('refuses a bad config with the bad value', () => {
    expect(() => createDataRace(race([]))).toThrow(/at least one run/);
    expect(() => createDataRace(race([{ optimizer: 'gd', hyper: {}, batch: FULL_BATCH, stream: -1 }]))).toThrow(/-1/);
    expect(() => createDataRace(race([{ optimizer: 'nope' as 'gd', hyper: {}, batch: FULL_BATCH, stream: 0 }]))).toThrow(/'nope'/);
  });
});

describe('dataRace: external full-batch sums (the GPU engine’s protocol)', () => {
  it('beginStep / endStep with the same sums give the race bit for bit, every method and a divergence', () => {
    const runs: RaceRunConfig[] = [
      { optimizer: 'gd', hyper: { lr: 0.1 }, batch: FULL_BATCH, stream: 0 },
      { optimizer: 'adam', hyper: { lr: 0.05 }, batch: { size: 8, sampling: 'shuffle' }, stream: 1 },
      { optimizer: 'sag', hyper: { lr: 0.05 }, batch: { size: 1, sampling: 'replacement' }, stream: 2 },
      { optimizer: 'svrg', hyper: { lr: 0.05, m: 25 }, batch: { size: 2, sampling: 'shuffle' }, stream: 3 },
      { optimizer: 'gd', hyper: { lr: 50 }, batch: FULL_BATCH, stream: 4 },
    ];
    const config = race(runs, { steps: 60, bound: 1e4 });
    for (const precision of ['f64', 'f32'] as const) {
      const want = raceTraces(config, precision);
      const p = createProblem(config.loss, config.dataset, precision);
      const seen = runs.map(() => [] as number[]);
      const ext = createDataRace(config, precision, (r, i, k) => seen[i].push(k, r.x[i], r.loss[i]), { external: true });
      const out = new Float64Array(3);
      const sums = new Float64Array(3 * runs.length);
      let thetas: Float64Array | null;
      while ((thetas = ext.beginStep()) !== null) {
        for (let i = 0; i < runs.length; i++) {
          batchValue(p.loss, p.dataset, 'full', thetas.subarray(2 * i, 2 * i + 2), precision, out);
          sums.set(out, 3 * i);
        }
        ext.endStep(sums);
      }
      expect(ext.step).toBe(60);
      for (let i = 0; i < runs.length; i++) {
        expect(seen[i].length).toBe(3 * 61);
        for (let k = 0; k <= 60; k++) {
          expect(seen[i][3 * k]).toBe(k);
          expect(seen[i][3 * k + 1]).toBe(want[i].x[k]);
          expect(Object.is(seen[i][3 * k + 2], want[i].loss[k])).toBe(true);
        }
        expect(ext.status(i)).toEqual(want[i].status);
      }
      expect(want[4].status.kind).toBe('diverged');
      expect(() => ext.advance(1)).toThrow(/beginStep/);
    }
  });
});
