/**
 * Seeded, counter-based randomness: the PCG hash of Jarzynski & Olano, "Hash Functions for GPU
 * Rendering" (JCGT 2020), on u32 via Math.imul and >>> 0. Every function is a pure function of
 * its inputs, so the WGSL twin in shaders/common.wgsl (pcg_hash, hash2, uniform01, uniform_at)
 * gives the same bits on the GPU, and the same link gives the same noise on every machine.
 */

/** pcg_hash: one round of PCG's LCG step followed by its RXS-M-XS output permutation. */
export function pcgHash(v: number): number {
  const state = (Math.imul(v >>> 0, 747796405) + 2891336453) >>> 0;
  const word = Math.imul(((state >>> ((state >>> 28) + 4)) ^ state) >>> 0, 277803737) >>> 0;
  return ((word >>> 22) ^ word) >>> 0;
}

/**
 * Hash of a pair: pcgHash(a ^ pcgHash(b)). Hashing b first decorrelates neighbouring b values
 * before they are mixed with a, so (a, b) and (b, a) give different results.
 */
export function hash2(a: number, b: number): number {
  return pcgHash((a ^ pcgHash(b)) >>> 0);
}

/** The top 24 bits of h as a float in [0, 1): exact in f32 (a 24-bit integer times 2^-24). */
export function uniform01(h: number): number {
  return (h >>> 8) * 5.9604644775390625e-8;
}

/** The `index`-th uniform in [0, 1) of stream `stream` under `seed`: hash2(index, hash2(stream, seed)). */
export function uniformAt(seed: number, stream: number, index: number): number {
  return uniform01(hash2(index >>> 0, hash2(stream >>> 0, seed >>> 0)));
}

/**
 * The `index`-th standard normal of a stream, by Box–Muller from uniforms 2·index and 2·index+1.
 * Uses log/cos/sqrt in float64: reproducible on the CPU, but a GPU twin would agree only to a
 * tolerance (transcendentals are not correctly rounded in WGSL), so this is CPU-side only.
 */
export function normalAt(seed: number, stream: number, index: number): number {
  const u1 = 1 - uniformAt(seed, stream, (2 * index) >>> 0); // (0, 1]: log stays finite
  const u2 = uniformAt(seed, stream, (2 * index + 1) >>> 0);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A small stateful generator for tests and sweeps (counter-based, stream 0). */
export interface Rng {
  /** Next u32. */
  nextU32(): number;
  /** Next uniform in [0, 1). */
  uniform(): number;
  /** Next uniform in [lo, hi). */
  range(lo: number, hi: number): number;
  /** Next standard normal (float64). */
  normal(): number;
}

/** A generator whose n-th draw is a pure function of (seed, n). */
export function createRng(seed: number): Rng {
  let counter = 0;
  const nextU32 = (): number => hash2(counter++ >>> 0, seed >>> 0);
  return {
    nextU32,
    uniform: () => uniform01(nextU32()),
    range: (lo, hi) => lo + (hi - lo) * uniform01(nextU32()),
    normal: () => normalAt(seed, 1, counter++),
  };
}
