import { describe, expect, it } from 'vitest';
import { createRng, hash2, normalAt, pcgHash, uniform01, uniformAt } from './rng';

/** Independent reference: the pcg_hash description evaluated with BigInt mod 2^32. */
function pcgBig(v: number): number {
  const M = 1n << 32n;
  const state = (BigInt(v) * 747796405n + 2891336453n) % M;
  const word = (((state >> ((state >> 28n) + 4n)) ^ state) * 277803737n) % M;
  return Number((word >> 22n) ^ word);
}

describe('pcgHash', () => {
  it('pcg_hash(0) = 129708002, step by step', () => {
    // state = 0·747796405 + 2891336453 = 2891336453 = 0xAC564B05
    // shift = (state >> 28) + 4 = 0xA + 4 = 14; state >> 14 = 176473
    // 176473 ^ 2891336453 = 2891250268; × 277803737 mod 2^32 = 129708028
    // word >> 22 = 30; 30 ^ 129708028 = 129708002
    expect(2891336453 >>> 28).toBe(10);
    expect(2891336453 >>> 14).toBe(176473);
    expect((176473 ^ 2891336453) >>> 0).toBe(2891250268);
    expect(Number((2891250268n * 277803737n) % (1n << 32n))).toBe(129708028);
    expect((30 ^ 129708028) >>> 0).toBe(129708002);
    expect(pcgHash(0)).toBe(129708002);
  });
  it('golden values', () => {
    expect([1, 2, 42, 123456789, 0xffffffff].map(pcgHash)).toEqual([
      2831084092, 2055130248, 1223963391, 4272394698, 3861530882,
    ]);
  });
  it('equals the BigInt reference on 10k inputs, always a u32', () => {
    const rng = createRng(7);
    for (let k = 0; k < 10000; k++) {
      const v = k < 5000 ? k : rng.nextU32();
      const h = pcgHash(v);
      expect(h).toBe(pcgBig(v));
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    }
  });
});

describe('hash2 / uniform', () => {
  it('hash2 is pcg(a ^ pcg(b)) and not symmetric', () => {
    expect(hash2(3, 5)).toBe(pcgHash((3 ^ pcgHash(5)) >>> 0));
    expect(hash2(3, 5)).not.toBe(hash2(5, 3));
  });
  it('uniform01 uses the top 24 bits, exact in f32, in [0, 1)', () => {
    expect(uniform01(0)).toBe(0);
    expect(uniform01(0xffffffff)).toBe(1 - 2 ** -24);
    expect(uniform01(0x80000000)).toBe(0.5);
    expect(Math.fround(uniform01(pcgHash(9)))).toBe(uniform01(pcgHash(9)));
  });
  it('uniformAt = uniform01(hash2(index, hash2(stream, seed)))', () => {
    expect(uniformAt(1, 2, 3)).toBe(uniform01(hash2(3, hash2(2, 1))));
    expect(uniformAt(1, 2, 3)).not.toBe(uniformAt(1, 3, 3));
  });
  it('is roughly uniform: 20k draws in 10 bins pass a χ² test; mean ≈ 1/2', () => {
    const bins = new Array(10).fill(0);
    let sum = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const u = uniformAt(42, 0, i);
      bins[Math.floor(u * 10)]++;
      sum += u;
    }
    const chi2 = bins.reduce((a, b) => a + (b - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88); // χ²(9) at p = 0.001
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
  });
  it('normalAt has mean ≈ 0 and variance ≈ 1, and is finite', () => {
    let s = 0;
    let s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const z = normalAt(1, 0, i);
      expect(Number.isFinite(z)).toBe(true);
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.05);
  });
});

describe('createRng', () => {
  it('is reproducible and seed-dependent', () => {
    const a = createRng(5);
    const b = createRng(5);
    const c = createRng(6);
    const xs = [a.uniform(), a.uniform(), a.nextU32()];
    expect([b.uniform(), b.uniform(), b.nextU32()]).toEqual(xs);
    expect(c.uniform()).not.toBe(xs[0]);
  });
  it('range maps into [lo, hi)', () => {
    const r = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const v = r.range(-2, 3);
      expect(v >= -2 && v < 3).toBe(true);
    }
  });
});
