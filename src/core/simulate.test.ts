import { describe, expect, it } from 'vitest';
import { resolveExperiment, type ExperimentInput } from './experiment';
import { createSimulation, simulate } from './simulate';

const quad = (runs: ExperimentInput['runs'], extra: Partial<ExperimentInput> = {}) =>
  resolveExperiment({ objective: { id: 'quadratic', params: { kappa: 10, theta: 0 } }, start: [-2.5, 1.5], runs, ...extra });

describe('divergence', () => {
  it('saddle, gd lr 0.5 from (1, 0.01), bound 100: y doubles each step, leaves the bound at step 14', () => {
    // x² − y²: gd gives x₁ = x₀ − 0.5·2x₀ = 0 and y_{k+1} = y_k + 0.5·2y_k = 2y_k, so
    // y_k = 0.01·2^k: y₁₃ = 81.92 ≤ 100 < y₁₄ = 163.84. Doubling is exact in both precisions.
    const exp = resolveExperiment({ objective: { id: 'saddle' }, start: [1, 0.01], bound: 100, steps: 30, runs: [{ optimizer: 'gd', hyper: { lr: 0.5 } }] });
    for (const p of ['f64', 'f32'] as const) {
      const [t] = simulate(exp, p);
      expect(t.status).toEqual({ kind: 'diverged', step: 14, reason: 'bound' });
      expect(t.y[13]).toBe((p === 'f32' ? Math.fround(0.01) : 0.01) * 8192);
      expect(t.x[1]).toBe(0);
      // Frozen: every later record repeats step 14.
      for (let k = 15; k <= 30; k++) expect([t.x[k], t.y[k], t.loss[k], t.gradNorm[k]]).toEqual([t.x[14], t.y[14], t.loss[14], t.gradNorm[14]]);
    }
  });

  it('quadratic, lr 10: the stiff axis grows ×99 per step: bound 1e6 at step 3, Inf first with bound 1e300', () => {
    // y_k = 1.5·(1 − 10·10)^k: |y₂| = 14701.5, |y₃| ≈ 1.46e6 > 1e6.
    const [b] = simulate(quad([{ optimizer: 'gd', hyper: { lr: 10 } }], { steps: 200 }), 'f64');
    expect(b.status).toEqual({ kind: 'diverged', step: 3, reason: 'bound' });
    // With a bound no float reaches, the loss overflows first: f = ½(x² + 10y²) turns Inf when
    // 10y² exceeds the largest float (1.8e308 in f64, 3.4e38 in f32).
    const MAX = { f64: Number.MAX_VALUE, f32: 3.4028234663852886e38 };
    for (const p of ['f64', 'f32'] as const) {
      const [t] = simulate(quad([{ optimizer: 'gd', hyper: { lr: 10 } }], { steps: 200, bound: 1e300 }), p);
      expect(t.status.kind === 'diverged' && t.status.reason).toBe('inf');
      const k = (t.status as { step: number }).step;
      expect(t.loss[k]).toBe(Infinity);
      expect(Number.isFinite(t.loss[k - 1])).toBe(true);
      expect(k).toBe(Math.ceil(Math.log(Math.sqrt(MAX[p] / 10) / 1.5) / Math.log(99)));
    }
  });

  it('a loss that falls without bound: saddle, gd lr 0.5 from (1, 0.01), bound 1e12: loss −y² passes −1e9 at step 22', () => {
    // y_k = 0.01·2^k: y₂₁ = 20971.52 (loss −4.4e8), y₂₂ = 41943.04 (loss −1.76e9 < LOSS_FLOOR).
    // Before the loss floor this run said "running" until |y| passed the bound, at loss −1e24.
    const exp = resolveExperiment({ objective: { id: 'saddle' }, start: [1, 0.01], bound: 1e12, steps: 60, runs: [{ optimizer: 'gd', hyper: { lr: 0.5 } }] });
    for (const p of ['f64', 'f32'] as const) {
      const [t] = simulate(exp, p);
      expect(t.status, p).toEqual({ kind: 'diverged', step: 22, reason: 'loss' });
      expect(t.loss[21]).toBeGreaterThan(-1e9);
      expect(t.loss[60]).toBe(t.loss[22]);
    }
  });

  it("the saddle's default momentum run is flagged when its loss runs away, long before loss −1.2e10", () => {
    const exp = resolveExperiment({
      objective: { id: 'saddle' }, start: [-1.5, 0.01], steps: 3000, gradTol: 1e-4, bound: 1e6,
      runs: [{ optimizer: 'momentum_ema', hyper: { lr: 1e-2, beta: 0.9 } }],
    });
    const [t] = simulate(exp, 'f32');
    expect(t.status.kind === 'diverged' && t.status.reason).toBe('loss');
    const k = (t.status as { step: number }).step;
    expect(t.loss[k]).toBeLessThan(-1e9);
    expect(t.loss[k - 1]).toBeGreaterThanOrEqual(-1e9);
    expect(Math.abs(t.y[k])).toBeLessThan(1e6);
  });

  it('an infinite loss is "inf" even when its gradient is NaN (1/0: the quotient rule gives 0/0)', () => {
    for (const formula of ['1/0', 'x^2 + 1/0', 'log(0) + x']) {
      const exp = resolveExperiment({ objective: { id: 'custom', formula }, start: [1, 0.5], steps: 3, runs: [{ optimizer: 'gd' }] });
      for (const p of ['f64', 'f32'] as const) {
        const sim = createSimulation(exp, p);
        expect(Math.abs(sim.loss[0]), formula).toBe(Infinity);
        expect(sim.grad[0], formula).toBeNaN();
        expect(sim.status(0), `${formula} (${p})`).toEqual({ kind: 'diverged', step: 0, reason: 'inf' });
      }
    }
  });

  it('NaN: sqrt(x) + y² with gd lr 1 from (1, 1) steps to x < 0 at step 2', () => {
    // x₁ = 1 − 1/(2√1) = 0.5; x₂ = 0.5 − 1/(2√0.5) ≈ −0.207: √x is NaN there.
    const exp = resolveExperiment({ objective: { id: 'custom', formula: 'sqrt(x) + y^2' }, start: [1, 1], steps: 10, runs: [{ optimizer: 'gd', hyper: { lr: 1 } }] });
    const [t] = simulate(exp, 'f64');
    expect(t.status).toEqual({ kind: 'diverged', step: 2, reason: 'nan' });
    expect(t.x[1]).toBe(0.5);
    expect(t.x[2]).toBeCloseTo(0.5 - 0.5 / Math.sqrt(0.5), 15);
    expect(t.loss[2]).toBeNaN();
    expect(Array.from(t.x.slice(2))).toEqual(Array(9).fill(t.x[2]));
  });

  it('a start where f is NaN diverges at step 0 and never moves', () => {
    const exp = resolveExperiment({ objective: { id: 'custom', formula: 'log(x) + y^2' }, start: [-1, 1], steps: 5, runs: [{ optimizer: 'adam' }] });
    const sim = createSimulation(exp, 'f64');
    expect(sim.status(0)).toEqual({ kind: 'diverged', step: 0, reason: 'nan' });
    expect(sim.advance(5)).toBe(5);
    expect([sim.x[0], sim.y[0]]).toEqual([-1, 1]);
  });

  it('a later divergence overrides convergence (saddle from (1, 1e-30))', () => {
    // x₁ = 0, y_k = 1e-30·2^k: ‖∇f‖₁ = 4e-30 ≤ 1e-6 (converged at 1), then y passes 100 at
    // k = 107 (2^106·1e-30 ≈ 81.1, 2^107·1e-30 ≈ 162.3).
    const exp = resolveExperiment({ objective: { id: 'saddle' }, start: [1, 1e-30], bound: 100, steps: 200, runs: [{ optimizer: 'gd', hyper: { lr: 0.5 } }] });
    const sim = createSimulation(exp, 'f64');
    sim.advance(1);
    expect(sim.status(0)).toEqual({ kind: 'converged', step: 1 });
    sim.advance(105);
    expect(sim.status(0)).toEqual({ kind: 'converged', step: 1 });
    sim.advance(1000);
    expect(sim.step).toBe(200);
    expect(sim.status(0)).toEqual({ kind: 'diverged', step: 107, reason: 'bound' });
    expect(sim.y[0]).toBe(1e-30 * 2 ** 107);
  });
});

describe('convergence and precision', () => {
  it('gd on the quadratic converges at the step the closed form predicts, and keeps stepping', () => {
    // f = ½(x² + 10y²), lr 0.15: x_k = −2.5·0.85^k, y_k = 1.5·(−0.5)^k, ∇f = (x, 10y).
    const exp = quad([{ optimizer: 'gd', hyper: { lr: 0.15 } }], { steps: 150 });
    let expected = -1;
    for (let k = 0; k <= 150 && expected < 0; k++) if (Math.hypot(2.5 * 0.85 ** k, 15 * 0.5 ** k) <= 1e-6) expected = k;
    expect(expected).toBeGreaterThan(80);
    const [t] = simulate(exp, 'f64');
    expect(t.status).toEqual({ kind: 'converged', step: expected });
    expect(t.gradNorm[expected - 1]).toBeGreaterThan(1e-6);
    expect(Math.abs(t.x[150])).toBeLessThan(Math.abs(t.x[expected]));
    expect(t.x[40]).toBeCloseTo(-2.5 * 0.85 ** 40, 12);
  });

  it('float32 mode differs from float64 only by rounding (50 steps, convex quadratic)', () => {
    const exp = resolveExperiment({
      objective: { id: 'quadratic', params: { kappa: 7, theta: 30 } },
      start: [0.1, -2.3],
      steps: 50,
      runs: [{ optimizer: 'gd', hyper: { lr: 0.1 } }, { optimizer: 'adam', hyper: { lr: 0.05 } }, { optimizer: 'momentum_ema', hyper: { lr: 0.1 } }],
    });
    const a = simulate(exp, 'f64');
    const b = simulate(exp, 'f32');
    let differs = false;
    a.forEach((ta, i) => {
      for (let k = 0; k <= 50; k++) {
        for (const key of ['x', 'y', 'loss'] as const) {
          const u = ta[key][k];
          const v = b[i][key][k];
          expect(Math.fround(v)).toBe(v); // every f32-mode value is a float32
          // Errors start as float32 ulps of O(1) values (ε = 6e-8) and do not shrink relative to
          // values that approach 0, hence the "+ 1". Measured worst: gd 6e-8, momentum 1e-6,
          // Adam 2e-6 (its m/√v normalisation amplifies rounding); 1e-5 leaves a 5× margin.
          expect(Math.abs(u - v)).toBeLessThanOrEqual(1e-5 * (Math.abs(u) + 1));
          if (u !== v) differs = true;
        }
      }
    });
    expect(b[0].x[0]).toBe(Math.fround(0.1));
    expect(differs).toBe(true);
  });
});

describe('schedule and clipping', () => {
  it('a step schedule halves the effective lr each step (exact recursion on the x axis)', () => {
    const exp = quad([{ optimizer: 'gd', hyper: { lr: 0.1 } }, { optimizer: 'gd', hyper: { lr: 0.1 }, schedule: { kind: 'step', step_size: 1, gamma: 0.5 } }], { steps: 6 });
    const [plain, sched] = simulate(exp, 'f64');
    let x = -2.5;
    for (let t = 1; t <= 6; t++) {
      x -= 0.1 * 0.5 ** (t - 1) * x;
      expect(sched.x[t]).toBeCloseTo(x, 14);
      expect(plain.x[t]).toBeCloseTo(-2.5 * 0.9 ** t, 14);
    }
  });

  it('linear warm-up: step t uses lr·t/w until t = w', () => {
    const exp = quad([{ optimizer: 'gd', hyper: { lr: 0.1 }, schedule: { warmup: 4 } }], { steps: 6 });
    const [t] = simulate(exp, 'f64');
    let x = -2.5;
    for (let s = 1; s <= 6; s++) {
      x -= 0.1 * Math.min(1, s / 4) * x;
      expect(t.x[s]).toBeCloseTo(x, 14);
    }
  });

  it('clipping by norm 1 makes the first gd step exactly lr long (instead of lr·‖g‖)', () => {
    const exp = quad([{ optimizer: 'gd', hyper: { lr: 0.1 } }, { optimizer: 'gd', hyper: { lr: 0.1 }, max_grad_norm: 1 }], { steps: 3 });
    const [plain, clipped] = simulate(exp, 'f64');
    const g0 = Math.hypot(2.5, 15);
    expect(Math.hypot(plain.x[1] + 2.5, plain.y[1] - 1.5)).toBeCloseTo(0.1 * g0, 12);
    // torch's coef = max/(‖g‖ + 1e-6), so the step is a hair shorter than lr.
    expect(Math.hypot(clipped.x[1] + 2.5, clipped.y[1] - 1.5)).toBeCloseTo((0.1 * g0) / (g0 + 1e-6), 12);
    // Same direction as the raw gradient.
    expect((clipped.y[1] - 1.5) / (clipped.x[1] + 2.5)).toBeCloseTo(-15 / 2.5, 10);
  });
});

describe('Simulation object', () => {
  it('advance in pieces equals simulate; caps at steps; reset restarts', () => {
    const exp = resolveExperiment({ objective: { id: 'rosenbrock' }, steps: 40, runs: [{ optimizer: 'adam', hyper: { lr: 0.05 } }, { optimizer: 'rmsprop' }] });
    const full = simulate(exp, 'f32');
    const sim = createSimulation(exp, 'f32');
    expect(sim.step).toBe(0);
    expect(sim.advance(15)).toBe(15);
    expect(sim.advance(100)).toBe(25);
    expect(sim.advance(1)).toBe(0);
    for (let i = 0; i < 2; i++) expect([sim.x[i], sim.y[i], sim.loss[i]]).toEqual([full[i].x[40], full[i].y[40], full[i].loss[40]]);
    sim.reset();
    expect([sim.step, sim.x[0], sim.y[0]]).toEqual([0, Math.fround(-1.2), 1]);
  });

  it('exposes the raw gradient and the optimizer state', () => {
    // Adam after one step: exp_avg = (1 − β1)·g₀, exp_avg_sq = (1 − β2)·g₀², β1^t = β1.
    const exp = quad([{ optimizer: 'adam', hyper: { lr: 0.01 } }], { steps: 5 });
    const sim = createSimulation(exp, 'f64');
    expect(Array.from(sim.grad)).toEqual([-2.5, 15]);
    sim.advance(1);
    const s = sim.state[0];
    expect(s[0]).toBeCloseTo(0.1 * -2.5, 15);
    expect(s[1]).toBeCloseTo(0.1 * 15, 14);
    expect(s[2]).toBeCloseTo(0.001 * 6.25, 15);
    expect(s[6]).toBe(0.9);
    expect(sim.grad[0]).toBe(sim.x[0]);
    expect(sim.grad[1]).toBeCloseTo(10 * sim.y[0], 13);
  });
});
