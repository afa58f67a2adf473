import { describe, expect, it } from 'vitest';
import { normalAt } from '../rng';
import { resolveTrainingConfig } from './config';
import { generateLinearData, TRAINING_STREAMS, type LinearData } from './data';
import { linearLoss } from './linear';
import { configData, momentumVsGd, runTraining, withOptimizer } from './run';

/** Solves A z = c (A square, row-major) by Gaussian elimination with partial pivoting. */
function solve(A: number[][], c: number[]): number[] {
  const p = c.length;
  const M = A.map((row, i) => [...row, c[i]]);
  for (let k = 0; k < p; k++) {
    let piv = k;
    for (let i = k + 1; i < p; i++) if (Math.abs(M[i][k]) > Math.abs(M[piv][k])) piv = i;
    [M[k], M[piv]] = [M[piv], M[k]];
    for (let i = k + 1; i < p; i++) {
      const f = M[i][k] / M[k][k];
      for (let j = k; j <= p; j++) M[i][j] -= f * M[k][j];
    }
  }
  const z = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = M[i][p];
    for (let j = i + 1; j < p; j++) s -= M[i][j] * z[j];
    z[i] = s / M[i][i];
  }
  return z;
}

/** The least-squares fit (w, b) of the data: the normal equations AᵀA θ = Aᵀy with A = [X 1]. */
function leastSquares(data: LinearData): Float64Array {
  const { n, d, x, y } = data;
  const p = d + 1;
  const row = (i: number, j: number) => (j < d ? x[i * d + j] : 1);
  const A = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const c = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      c[j] += row(i, j) * y[i];
      for (let k = 0; k < p; k++) A[j][k] += row(i, j) * row(i, k);
    }
  }
  return Float64Array.from(solve(A, c));
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));

const TEXTBOOK = resolveTrainingConfig({ kind: 'training' });

describe('the textbook example: momentum α = 0.01, β = 0.9 on 10-parameter linear regression', () => {
  it('is 9 weights and a bias, with data drawn from the seed', () => {
    const data = configData(TEXTBOOK);
    expect([data.n, data.d, data.truth.length]).toEqual([1000, 9, 10]);
    expect(data.x[0]).toBe(normalAt(1, TRAINING_STREAMS.features, 0));
    expect(data.truth[9]).toBe(normalAt(1, TRAINING_STREAMS.weights, 9));
    // Standard-normal features: the sample mean and variance of 9000 draws.
    const mean = data.x.reduce((a, v) => a + v, 0) / data.x.length;
    const variance = data.x.reduce((a, v) => a + v * v, 0) / data.x.length - mean * mean;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.06);
  });

  it('momentum reaches a lower loss than GD with the same α in each of the first 10 epochs, for several seeds', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { momentum, gd } = momentumVsGd({ seed });
      expect(momentum[0]).toBe(gd[0]);
      for (let e = 1; e <= 10; e++) expect(momentum[e], `seed ${seed}, epoch ${e}`).toBeLessThan(gd[e]);
      // Not by a hair: after 3 epochs momentum is within 10% of the floor, GD still 10× above it.
      const data = configData(resolveTrainingConfig({ kind: 'training', seed }));
      expect(momentum[3]).toBeLessThan(1.1 * linearLoss(data, leastSquares(data)));
      expect(gd[3]).toBeGreaterThan(10 * momentum[3]);
    }
  });

  it('the EMA form with the same α is no faster than GD: it is heavy-ball momentum with α(1 − β)', () => {
    const data = configData(TEXTBOOK);
    const ema = runTraining(withOptimizer(TEXTBOOK, 'momentum_ema'), data).losses;
    const heavy = runTraining({ ...TEXTBOOK, lr: TEXTBOOK.lr * (1 - TEXTBOOK.beta) }, data).losses;
    const gd = runTraining(withOptimizer(TEXTBOOK, 'gd'), data).losses;
    for (let e = 0; e <= TEXTBOOK.epochs; e++) expect(Math.abs(ema[e] - heavy[e]) / heavy[e]).toBeLessThan(1e-9);
    expect(ema[1]).toBeGreaterThan(gd[1]);
  });

  it('the loss approaches the noise floor: the least-squares loss, about σ²/2·(n − p)/n', () => {
    const data = configData(TEXTBOOK);
    const floor = linearLoss(data, leastSquares(data));
    const { n } = data;
    const p = TEXTBOOK.parameters;
    // The floor is σ²/2 times a χ²_{n−p}/n variable: relative standard deviation √(2/(n − p)).
    const expected = ((TEXTBOOK.noise ** 2) / 2) * ((n - p) / n);
    expect(Math.abs(floor / expected - 1)).toBeLessThan(4 * Math.sqrt(2 / (n - p)));
    const { momentum, gd } = momentumVsGd();
    expect(momentum[0] / floor).toBeGreaterThan(100);
    // Mini-batch noise keeps both a little above the floor; 20 epochs get within 1%.
    for (const l of [momentum[20], gd[20]]) {
      expect(l).toBeGreaterThanOrEqual(floor);
      expect(l / floor - 1).toBeLessThan(0.01);
    }
  });

  it('the learned parameters approach the least-squares solution (normal equations)', () => {
    const data = configData(TEXTBOOK);
    const ls = leastSquares(data);
    // The least-squares fit is within a few σ/√n of the truth.
    expect(maxAbsDiff(ls, data.truth)).toBeLessThan(0.02);
    // Mini-batch momentum, 20 epochs: near it (mini-batch noise remains).
    const mini = runTraining(TEXTBOOK, data).params;
    expect(maxAbsDiff(mini, ls)).toBeLessThan(0.01);
    // Full-batch momentum and GD converge to it (to rounding) given enough epochs.
    const full = runTraining({ ...TEXTBOOK, batch: data.n, epochs: 800 }, data).params;
    expect(maxAbsDiff(full, ls)).toBeLessThan(1e-10);
    const fullGd = runTraining({ ...withOptimizer(TEXTBOOK, 'gd'), batch: data.n, epochs: 4000 }, data).params;
    expect(maxAbsDiff(fullGd, ls)).toBeLessThan(1e-10);
  });

  it('is deterministic by seed', () => {
    const a = momentumVsGd();
    const b = momentumVsGd();
    expect(a.momentum).toEqual(b.momentum);
    expect(a.gd).toEqual(b.gd);
    const run1 = runTraining(TEXTBOOK);
    const run2 = runTraining(TEXTBOOK);
    expect(run1.params).toEqual(run2.params);
    const other = runTraining({ ...TEXTBOOK, seed: 2 });
    expect(other.truth).not.toEqual(run1.truth);
    expect(other.losses[20]).not.toBe(run1.losses[20]);
    // The shuffle matters too: the same data with another shuffle seed ends elsewhere.
    const data = generateLinearData(1, 1000, 9, 0.1);
    expect(runTraining({ ...TEXTBOOK, seed: 1 }, data).params).not.toEqual(runTraining({ ...TEXTBOOK, seed: 99 }, data).params);
  });
});
