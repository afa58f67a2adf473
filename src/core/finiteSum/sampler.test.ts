import { describe, expect, it } from 'vitest';
import { hash2 } from '../rng';
import { BatchSampler, batchCount, batchIndices, epochOf, samplesBefore, shufflePermutation, type BatchRegime } from './sampler';

const take = (s: BatchSampler, step: number): number[] => {
  const out = new Uint32Array(s.capacity);
  const c = s.indices(step, out);
  return Array.from(out.subarray(0, c));
};

describe('shuffle: epochs of a seeded permutation', () => {
  it('visits every sample exactly once per epoch; batches of B, the last one n mod B', () => {
    const regime: BatchRegime = { size: 3, sampling: 'shuffle' };
    const n = 10;
    const s = new BatchSampler(regime, n, 42, 5);
    const perEpoch: number[][] = [];
    for (let e = 0; e < 4; e++) {
      const seen: number[] = [];
      const sizes: number[] = [];
      for (let b = 0; b < 4; b++) {
        const k = 4 * e + b;
        expect(epochOf(regime, n, k)).toBe(e);
        const batch = take(s, k);
        sizes.push(batch.length);
        expect(batchCount(regime, n, k)).toBe(batch.length);
        seen.push(...batch);
      }
      expect(sizes).toEqual([3, 3, 3, 1]);
      expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      perEpoch.push(seen);
    }
    // Each epoch reshuffles: four epochs, four different orders.
    expect(new Set(perEpoch.map((p) => p.join(','))).size).toBe(4);
    // 4 batches per epoch: after 6 steps, one epoch (10) and two batches (6) were drawn.
    expect(samplesBefore(regime, n, 6)).toBe(16);
  });

  it('a permutation for n up to 10⁶, different per epoch and per stream, the same for the same inputs', () => {
    const n = 1_000_000;
    const a = new Uint32Array(n);
    const b = new Uint32Array(n);
    shufflePermutation(n, 1, 0, 3, a);
    const hit = new Uint8Array(n);
    for (const v of a) hit[v]++;
    expect(hit.every((c) => c === 1)).toBe(true);
    // Positions where two permutations agree (a typed-array loop: deep equality of 10⁶ is slow).
    const same = (): number => a.reduce((acc, v, i) => acc + (v === b[i] ? 1 : 0), 0);
    shufflePermutation(n, 1, 0, 3, b);
    expect(same()).toBe(n);
    // Two independent random permutations share about one fixed point (Poisson(1)).
    shufflePermutation(n, 1, 0, 4, b);
    expect(same()).toBeLessThan(10);
    shufflePermutation(n, 1, 1, 3, b);
    expect(same()).toBeLessThan(10);
  });

  it('B ≥ n: one batch of all n per epoch', () => {
    const s = new BatchSampler({ size: 25, sampling: 'shuffle' }, 7, 1, 0);
    expect(take(s, 0).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(epochOf({ size: 25, sampling: 'shuffle' }, 7, 3)).toBe(3);
  });
});

describe('replacement: independent uniform draws', () => {
  it('indices in range and uniform: χ² over n = 50 buckets from 100,000 draws below the 99.9 % point of χ²(49)', () => {
    const n = 50;
    const s = new BatchSampler({ size: 10, sampling: 'replacement' }, n, 9, 2);
    const counts = new Float64Array(n);
    for (let k = 0; k < 10_000; k++) {
      for (const i of take(s, k)) counts[i]++; // a typed array drops an index outside 0..n−1: the total below would miss it
    }
    expect(counts.reduce((a, c) => a + c, 0)).toBe(100_000);
    const expected = 100_000 / n;
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    // χ²(49): mean 49; its 0.999 quantile is 85.35 (tables). A fixed seed makes this a fixed check.
    expect(chi2).toBeLessThan(85.35);
  });

  it('n = 10⁶: every decile of the index range gets its share (χ²(9) < 27.88, the 99.9 % point)', () => {
    const n = 1_000_000;
    const s = new BatchSampler({ size: 100, sampling: 'replacement' }, n, 3, 0);
    const counts = new Float64Array(10);
    let max = 0;
    for (let k = 0; k < 1000; k++) {
      for (const i of take(s, k)) {
        counts[Math.floor(i / 100_000)]++;
        max = Math.max(max, i);
      }
    }
    expect(counts.reduce((a, c) => a + c, 0)).toBe(100_000); // none out of range (counts has 10 slots)
    expect(max).toBeLessThan(n);
    const chi2 = counts.reduce((acc, c) => acc + (c - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(27.88);
    // 10⁵ draws: the largest is within a few hundred of n − 1 (P(max < n − 1000) = e^−100).
    expect(max).toBeGreaterThan(n - 1000);
  });

  it('the documented mapping: index j of step k is ⌊hash2(k·B + j, hash2(stream, seed)) · n / 2³²⌋', () => {
    // The GPU kernel must draw the same indices: a golden check of the stated formula.
    const [n, B, seed, stream, k] = [1000, 4, 77, 3, 12];
    const want = Array.from({ length: B }, (_, j) => Math.floor((hash2(k * B + j, hash2(stream, seed)) * n) / 2 ** 32));
    expect(take(new BatchSampler({ size: B, sampling: 'replacement' }, n, seed, stream), k)).toEqual(want);
  });
});

describe('batchIndices: a pure function of its inputs', () => {
  it('interleaved calls for different runs give what each run gives alone', () => {
    const regime: BatchRegime = { size: 4, sampling: 'shuffle' };
    const alone = (stream: number, k: number): number[] => take(new BatchSampler(regime, 30, 8, stream), k);
    const out = new Uint32Array(4);
    for (const [stream, k] of [[0, 3], [1, 3], [0, 9], [1, 20], [0, 3]]) {
      const c = batchIndices(regime, 30, 8, stream, k, out);
      expect(Array.from(out.subarray(0, c))).toEqual(alone(stream, k));
    }
  });

  it('full batch: 0..n−1 in order; bad inputs are refused with the value', () => {
    const out = new Uint32Array(5);
    expect(batchIndices({ size: 0, sampling: 'shuffle' }, 5, 1, 0, 7, out)).toBe(5);
    expect(Array.from(out)).toEqual([0, 1, 2, 3, 4]);
    expect(() => new BatchSampler({ size: 1.5, sampling: 'shuffle' }, 5, 1, 0)).toThrow(/1\.5/);
    expect(() => new BatchSampler({ size: 2, sampling: 'shuffle' }, 0, 1, 0)).toThrow(/n = 0/);
    expect(() => batchIndices({ size: 3, sampling: 'replacement' }, 5, 1, 0, 0, new Uint32Array(2))).toThrow(/smaller than the batch/);
  });
});
