import { describe, expect, it } from 'vitest';
import { batchGradient, linearLoss, trainLinear } from './linear';
import { epochOrder } from './shuffle';
import type { LinearData } from './data';

// The tiny dataset of the hand computations: one feature, two samples (x, y) = (1, 1), (2, 3).
// The model ŷ = w·x + b has p = 2 parameters θ = (w, b); loss L = ½·mean((ŷ − y)²).
const TINY: LinearData = { n: 2, d: 1, x: Float64Array.of(1, 2), y: Float64Array.of(1, 3) };
const opts = { lr: 0.1, beta: 0.9, seed: 1 } as const;

describe('linear trainer: hand-computed steps on a two-sample dataset', () => {
  it('loss and gradient at θ = 0', () => {
    // r = ŷ − y = (−1, −3). L = ½·(1 + 9)/2 = 2.5. g_w = mean(r·x) = (−1 − 6)/2 = −3.5, g_b = mean(r) = −2.
    const theta = new Float64Array(2);
    expect(linearLoss(TINY, theta)).toBe(2.5);
    const g = new Float64Array(2);
    batchGradient(TINY, theta, [0, 1], 0, 2, g);
    expect(Array.from(g)).toEqual([-3.5, -2]);
  });

  it('plain GD, full batch, two epochs', () => {
    // Step 1: θ = 0 − 0.1·(−3.5, −2) = (0.35, 0.2). r = (0.55 − 1, 0.9 − 3) = (−0.45, −2.1):
    //   L = ½·(0.2025 + 4.41)/2 = 1.153125; g = ((−0.45 − 4.2)/2, (−0.45 − 2.1)/2) = (−2.325, −1.275).
    // Step 2: θ = (0.35 + 0.2325, 0.2 + 0.1275) = (0.5825, 0.3275). r = (0.5825 + 0.3275 − 1, 1.165 + 0.3275 − 3)
    //   = (−0.09, −1.5075): L = ½·(0.0081 + 2.27255625)/2 = 0.5701640625.
    const r = trainLinear(TINY, { ...opts, optimizer: 'gd', batch: 2, epochs: 2 });
    expect(r.steps).toBe(2);
    expect(r.losses[0]).toBe(2.5);
    expect(r.losses[1]).toBeCloseTo(1.153125, 14);
    expect(r.losses[2]).toBeCloseTo(0.5701640625, 14);
    expect(r.params[0]).toBeCloseTo(0.5825, 14);
    expect(r.params[1]).toBeCloseTo(0.3275, 14);
  });

  it('heavy-ball momentum (v ← βv + g, θ ← θ − αv), full batch, two epochs', () => {
    // Step 1: v = g = (−3.5, −2), θ = (0.35, 0.2): the same as GD (loss 1.153125).
    // Step 2: g = (−2.325, −1.275); v = 0.9·(−3.5, −2) + g = (−5.475, −3.075);
    //   θ = (0.35 + 0.5475, 0.2 + 0.3075) = (0.8975, 0.5075).
    //   r = (0.8975 + 0.5075 − 1, 1.795 + 0.5075 − 3) = (0.405, −0.6975);
    //   L = ½·(0.164025 + 0.48650625)/2 = 0.1626328125.
    const r = trainLinear(TINY, { ...opts, optimizer: 'momentum', batch: 2, epochs: 2 });
    expect(r.losses[1]).toBeCloseTo(1.153125, 14);
    expect(r.losses[2]).toBeCloseTo(0.1626328125, 14);
    expect(r.params[0]).toBeCloseTo(0.8975, 14);
    expect(r.params[1]).toBeCloseTo(0.5075, 14);
  });

  it('EMA momentum (v ← βv + (1−β)g, θ ← θ − αv), full batch, two epochs', () => {
    // Step 1: v = 0.1·(−3.5, −2) = (−0.35, −0.2); θ = (0.035, 0.02).
    // Step 2: r = (0.055 − 1, 0.09 − 3) = (−0.945, −2.91); g = ((−0.945 − 5.82)/2, (−0.945 − 2.91)/2)
    //   = (−3.3825, −1.9275); v = 0.9·(−0.35, −0.2) + 0.1·g = (−0.65325, −0.37275);
    //   θ = (0.035 + 0.065325, 0.02 + 0.037275) = (0.100325, 0.057275).
    const r = trainLinear(TINY, { ...opts, optimizer: 'momentum_ema', batch: 2, epochs: 2 });
    expect(r.params[0]).toBeCloseTo(0.100325, 14);
    expect(r.params[1]).toBeCloseTo(0.057275, 14);
  });

  it('batch 1 takes one step per sample in the epoch\'s shuffled order', () => {
    // GD, α = 0.1, one sample per step, from θ = 0:
    //  order (0, 1): sample 0: r = −1, g = (−1, −1), θ = (0.1, 0.1);
    //                sample 1: r = 0.2 + 0.1 − 3 = −2.7, g = (−5.4, −2.7), θ = (0.64, 0.37).
    //  order (1, 0): sample 1: r = −3, g = (−6, −3), θ = (0.6, 0.3);
    //                sample 0: r = 0.6 + 0.3 − 1 = −0.1, g = (−0.1, −0.1), θ = (0.61, 0.31).
    const expected: Record<string, [number, number]> = { '0,1': [0.64, 0.37], '1,0': [0.61, 0.31] };
    const seen = new Set<string>();
    for (let seed = 0; seed < 16; seed++) {
      const order = Array.from(epochOrder(seed, 1, 2)).join(',');
      seen.add(order);
      const r = trainLinear(TINY, { ...opts, seed, optimizer: 'gd', batch: 1, epochs: 1 });
      expect(r.steps).toBe(2);
      expect(r.params[0], `seed ${seed}`).toBeCloseTo(expected[order][0], 14);
      expect(r.params[1], `seed ${seed}`).toBeCloseTo(expected[order][1], 14);
    }
    // The seed really decides the order: both orders occur among 16 seeds.
    expect(seen).toEqual(new Set(['0,1', '1,0']));
  });

  it('a last batch smaller than B is averaged over its own size', () => {
    // Three samples (1, 1), (2, 3), (3, 5) [y = 2x − 1], B = 2: two steps per epoch, the second
    // on one sample. With α = 0 nothing moves, so the loss stays ½·(1 + 9 + 25)/3.
    const data: LinearData = { n: 3, d: 1, x: Float64Array.of(1, 2, 3), y: Float64Array.of(1, 3, 5) };
    const r = trainLinear(data, { ...opts, lr: 0, optimizer: 'gd', batch: 2, epochs: 3 });
    expect(r.steps).toBe(6);
    for (const l of r.losses) expect(l).toBeCloseTo(35 / 6, 14);
    // The one-sample batch's gradient is that sample's own (r·x, r), not half of it.
    const g = new Float64Array(2);
    batchGradient(data, new Float64Array(2), [0, 1, 2], 2, 1, g);
    expect(Array.from(g)).toEqual([-15, -5]);
  });
});

describe('epochOrder', () => {
  it('is a permutation, a pure function of (seed, epoch, n), and new every epoch', () => {
    const n = 1000;
    const a = epochOrder(7, 3, n);
    expect([...a].sort((p, q) => p - q)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(epochOrder(7, 3, n)).toEqual(a);
    expect(epochOrder(7, 4, n)).not.toEqual(a);
    expect(epochOrder(8, 3, n)).not.toEqual(a);
    // A shuffled order leaves few samples in place (about one on average).
    let fixed = 0;
    for (let i = 0; i < n; i++) if (a[i] === i) fixed++;
    expect(fixed).toBeLessThan(10);
  });
});
