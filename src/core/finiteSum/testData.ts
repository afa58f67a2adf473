/**
 * Small hand-built datasets for the finite-sum tests (the generators in src/core/data are a
 * colleague's, written at the same time; these tests must not depend on them).
 */
import type { Dataset } from '../data/types';
import { normalAt, uniformAt } from '../rng';

/** A regression dataset from explicit x and y values. */
export function regressionData(x: readonly number[], y: readonly number[]): Dataset {
  if (x.length !== y.length) throw new Error(`x and y differ in length: ${x.length} vs ${y.length}`);
  return { kind: 'regression', n: x.length, names: ['x', 'y'], columns: [Float64Array.from(x), Float64Array.from(y)], source: { kind: 'csv', name: 'test' } };
}

/** y = w·x + b + noise·N(0, 1), x uniform in [−2, 2): n samples from the PCG under `seed`. */
export function noisyLine(n: number, seed: number, w = 1.5, b = -0.5, noise = 0.3): Dataset {
  const x = Array.from({ length: n }, (_, i) => 4 * uniformAt(seed, 1, i) - 2);
  const y = x.map((xi, i) => w * xi + b + noise * normalAt(seed, 2, i));
  return { ...regressionData(x, y), source: { kind: 'generated', seed } };
}

/** Two Gaussian blobs around ±(1, 0.5), labels 0 / 1, for the logistic loss. */
export function blobs(n: number, seed: number): Dataset {
  const label = Float64Array.from({ length: n }, (_, i) => i % 2);
  const s = (i: number): number => 2 * label[i] - 1;
  const x1 = Float64Array.from({ length: n }, (_, i) => s(i) + 0.8 * normalAt(seed, 3, i));
  const x2 = Float64Array.from({ length: n }, (_, i) => 0.5 * s(i) + 0.8 * normalAt(seed, 4, i));
  return { kind: 'classification', n, names: ['x1', 'x2', 'label'], columns: [x1, x2, label], source: { kind: 'generated', seed } };
}
