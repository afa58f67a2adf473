/**
 * The synthetic regression data of the trainer, drawn from the config's seed through the PCG
 * (src/core/rng.ts), so a seed gives the same samples on every machine:
 *   x_ij ~ N(0, 1)  (sample i, feature j),   w*_j ~ N(0, 1),   b* ~ N(0, 1),
 *   y_i = Σ_j x_ij w*_j + b* + σ ε_i,  ε_i ~ N(0, 1).
 * Standard-normal features make E[xxᵀ] = I, so the loss's curvature is about 1 in every weight
 * direction and the learning rate reads directly as a fraction of the stable range.
 */
import { normalAt } from '../rng';

/**
 * Stream tags of the PCG under the seed: arbitrary distinct u32s, one per kind of draw, so the
 * features, the true parameters, the noise and the shuffles never reuse a random number.
 */
export const TRAINING_STREAMS = { features: 0x7f01, weights: 0x7f02, noise: 0x7f03, shuffle: 0x7f04 } as const;

/** A regression dataset: n samples of d features, row-major, with their targets. */
export interface LinearData {
  readonly n: number;
  /** Features per sample (the model has d weights and one bias). */
  readonly d: number;
  /** x[i·d + j] = feature j of sample i. */
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** Generated data together with the parameters that generated it. */
export interface GeneratedLinearData extends LinearData {
  /** True parameters in the model's order: w*_1..w*_d, then b*. */
  readonly truth: Float64Array;
}

/** The dataset of (seed, samples, features, noise σ); see the module header for the law. */
export function generateLinearData(seed: number, samples: number, features: number, noise: number): GeneratedLinearData {
  const n = samples;
  const d = features;
  const truth = new Float64Array(d + 1);
  for (let j = 0; j <= d; j++) truth[j] = normalAt(seed, TRAINING_STREAMS.weights, j);
  const x = new Float64Array(n * d);
  for (let k = 0; k < n * d; k++) x[k] = normalAt(seed, TRAINING_STREAMS.features, k);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += x[i * d + j] * truth[j];
    y[i] = s + truth[d] + noise * normalAt(seed, TRAINING_STREAMS.noise, i);
  }
  return { n, d, x, y, truth };
}
