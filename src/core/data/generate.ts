import { normalAt, uniformAt } from '../rng';
import { mean, std, zScore, type Line } from './stats';
import { MAX_SAMPLES, MIN_SAMPLES, type Dataset } from './types';
import { checkBooleanOption, checkNumberOption } from './validate';

/**
 * Seeded synthetic datasets. Every raw sample is a pure function of (seed, i) through the
 * counter-based PCG of src/core/rng.ts, one stream per column, so
 *  - a share link that carries the options and the seed rebuilds the data exactly,
 *  - the first k samples do not depend on n (prefix stability; standardize excepted, since the
 *    z-score uses the whole sample's mean and std),
 *  - a million samples take a single pass with no state.
 */

/** True slope and intercept of the raw regression data: y = 2·x − 1 + noise. */
export const TRUE_W = 2;
export const TRUE_B = -1;
/** The raw regression feature is N(5, 3²): far from zero, so the (w, b) surface is a narrow valley. */
export const REGRESSION_X_MEAN = 5;
export const REGRESSION_X_STD = 3;
/** An outlier's y is raised by (8 + 4·u)·max(1, scale of y), u uniform in [0, 1): 8–12 "y stds". */
export const OUTLIER_OFFSET_MIN = 8;
export const OUTLIER_OFFSET_SPAN = 4;
/** Largest accepted noise std and outlier fraction. */
export const MAX_NOISE = 100;
export const MAX_OUTLIER_FRACTION = 0.5;

/** Class-1 centre at overlap 0 is CLASS_SEPARATION·(cos φ, sin φ), in units of the clouds' unit std. */
export const CLASS_SEPARATION = 3;
/** φ = 30°: the boundary is oblique, so neither weight alone separates the classes. */
export const CLASS_ANGLE = Math.PI / 6;
/** Unscaled classification data multiplies x2 by this, making the (w1, w2) surface ill-conditioned. */
export const X2_SCALE = 10;

/**
 * PCG stream numbers, one per random column. Far from 0, 1, 2… so that an experiment using the
 * same seed for its own noise (mini-batches, SGD) does not reuse the data's random numbers.
 */
export const DATA_STREAMS = {
  regressionX: 0xda7a0001,
  regressionNoise: 0xda7a0002,
  outlierPick: 0xda7a0003,
  outlierSize: 0xda7a0004,
  classLabel: 0xda7a0011,
  classX1: 0xda7a0012,
  classX2: 0xda7a0013,
} as const;

/** Options of {@link generateRegression}. */
export interface RegressionOptions {
  /** Sample count, an integer in [MIN_SAMPLES, MAX_SAMPLES]. */
  readonly n: number;
  /** Standard deviation of the Gaussian noise added to y, in [0, MAX_NOISE]. */
  readonly noise: number;
  /** Fraction of samples made outliers, in [0, 0.5]; each sample is one with this probability. */
  readonly outliers: number;
  /** Replace x by its exact z-score (sample mean 0, population std 1). */
  readonly standardize: boolean;
  /** u32 seed of the PCG. */
  readonly seed: number;
}

/** A generated regression dataset and the line that generated it, in the dataset's own x. */
export interface GeneratedRegression extends Dataset {
  /**
   * Raw data: (TRUE_W, TRUE_B). Standardized data, x = m + s·z with m, s the sample mean and
   * std of the raw x, so y = (TRUE_W·s)·z + (TRUE_W·m + TRUE_B): the true line changes with it.
   * Not the least-squares line (noise and outliers move that one: see linearFit).
   */
  readonly trueLine: Line;
}

/** Options of {@link generateClassification}. */
export interface ClassificationOptions {
  /** Sample count, an integer in [MIN_SAMPLES, MAX_SAMPLES]. */
  readonly n: number;
  /** 0: centres 2·CLASS_SEPARATION stds apart; 1: both clouds centred on the origin. In [0, 1]. */
  readonly overlap: number;
  /** z-score each feature (x1, x2) exactly; otherwise x2 is multiplied by X2_SCALE. */
  readonly standardize: boolean;
  /** u32 seed of the PCG. */
  readonly seed: number;
}

/** A generated classification dataset and its cloud centres, in the dataset's own coordinates. */
export interface GeneratedClassification extends Dataset {
  /** Centre of the label-0 cloud, then of the label-1 cloud, as (x1, x2). */
  readonly centres: readonly [readonly [number, number], readonly [number, number]];
}

function checkCommon(fn: string, n: unknown, seed: unknown, standardize: unknown): void {
  checkNumberOption(fn, 'n', n, { min: MIN_SAMPLES, max: MAX_SAMPLES, integer: true });
  checkNumberOption(fn, 'seed', seed, { min: 0, max: 0xffffffff, integer: true });
  checkBooleanOption(fn, 'standardize', standardize);
}

/**
 * Linear-regression data: x ~ N(REGRESSION_X_MEAN, REGRESSION_X_STD²), y = TRUE_W·x + TRUE_B +
 * noise·N(0, 1). With probability `outliers` (decided by a hash of (seed, i), so the same
 * samples every time) a sample's y is raised by (8 + 4·u)·max(1, σ_y), where σ_y =
 * √((TRUE_W·REGRESSION_X_STD)² + noise²) is the clean y's theoretical std (a constant, so each
 * sample stays a function of (seed, i)): one-sided, far outside the noise, and pulling the
 * least-squares line up. Columns ['x', 'y']. Throws on an invalid option, naming it.
 */
export function generateRegression(options: RegressionOptions): GeneratedRegression {
  const fn = 'generateRegression';
  const { n, noise, outliers, standardize, seed } = options;
  checkCommon(fn, n, seed, standardize);
  checkNumberOption(fn, 'noise', noise, { min: 0, max: MAX_NOISE });
  checkNumberOption(fn, 'outliers', outliers, { min: 0, max: MAX_OUTLIER_FRACTION });
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const yScale = Math.max(1, Math.hypot(TRUE_W * REGRESSION_X_STD, noise));
  for (let i = 0; i < n; i++) {
    const xi = REGRESSION_X_MEAN + REGRESSION_X_STD * normalAt(seed, DATA_STREAMS.regressionX, i);
    let yi = TRUE_W * xi + TRUE_B + noise * normalAt(seed, DATA_STREAMS.regressionNoise, i);
    if (uniformAt(seed, DATA_STREAMS.outlierPick, i) < outliers) {
      yi += (OUTLIER_OFFSET_MIN + OUTLIER_OFFSET_SPAN * uniformAt(seed, DATA_STREAMS.outlierSize, i)) * yScale;
    }
    x[i] = xi;
    y[i] = yi;
  }
  let trueLine: Line = { w: TRUE_W, b: TRUE_B };
  let xColumn = x;
  if (standardize) {
    const m = mean(x);
    const s = std(x, m);
    xColumn = zScore(x, 'x');
    trueLine = { w: TRUE_W * s, b: TRUE_W * m + TRUE_B };
  }
  return { kind: 'regression', n, names: ['x', 'y'], columns: [xColumn, y], source: { kind: 'generated', seed }, trueLine };
}

/** Whether sample i is outlier-shifted in regression data with these seed and fraction (for tests and plots). */
export function isOutlier(seed: number, outliers: number, i: number): boolean {
  return uniformAt(seed, DATA_STREAMS.outlierPick, i) < outliers;
}

/**
 * Label of sample i: samples come in pairs (2k, 2k+1) and a hash of (seed, k) decides which of
 * the two is class 1. So the classes are balanced exactly (half each; the odd last sample
 * breaks the tie) in every prefix, yet the sequence shows no pattern.
 */
export function classLabelAt(seed: number, i: number): 0 | 1 {
  const flip = uniformAt(seed, DATA_STREAMS.classLabel, Math.floor(i / 2)) < 0.5 ? 1 : 0;
  return ((i & 1) ^ flip) as 0 | 1;
}

/**
 * Two Gaussian clouds with unit std per feature, label 1 centred at +μ·(cos φ, sin φ) and label
 * 0 at −μ·(cos φ, sin φ), φ = CLASS_ANGLE, μ = CLASS_SEPARATION·(1 − overlap): overlap 0 is
 * well separated (Bayes error Φ(−3) ≈ 0.13%), overlap 1 puts both centres at the origin
 * (error 50%), and the separability falls monotonically in between. The clouds sit
 * symmetrically about the origin, so the bias-free logistic model can separate them. Unscaled,
 * x2 (centre and noise) is multiplied by X2_SCALE; standardize instead z-scores x1 and x2
 * exactly. Columns ['x1', 'x2', 'label'], label 0 or 1. Throws on an invalid option, naming it.
 */
export function generateClassification(options: ClassificationOptions): GeneratedClassification {
  const fn = 'generateClassification';
  const { n, overlap, standardize, seed } = options;
  checkCommon(fn, n, seed, standardize);
  checkNumberOption(fn, 'overlap', overlap, { min: 0, max: 1 });
  const mu = CLASS_SEPARATION * (1 - overlap);
  const cx = mu * Math.cos(CLASS_ANGLE);
  const cy = mu * Math.sin(CLASS_ANGLE) * X2_SCALE;
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const label = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const l = classLabelAt(seed, i);
    const sign = l === 1 ? 1 : -1;
    x1[i] = sign * cx + normalAt(seed, DATA_STREAMS.classX1, i);
    x2[i] = sign * cy + X2_SCALE * normalAt(seed, DATA_STREAMS.classX2, i);
    label[i] = l;
  }
  let centres: GeneratedClassification['centres'] = [
    [-cx, -cy],
    [cx, cy],
  ];
  let columns = [x1, x2, label];
  if (standardize) {
    const m1 = mean(x1);
    const s1 = std(x1, m1);
    const m2 = mean(x2);
    const s2 = std(x2, m2);
    columns = [zScore(x1, 'x1'), zScore(x2, 'x2'), label];
    centres = [
      [(-cx - m1) / s1, (-cy - m2) / s2],
      [(cx - m1) / s1, (cy - m2) / s2],
    ];
  }
  return { kind: 'classification', n, names: ['x1', 'x2', 'label'], columns, source: { kind: 'generated', seed }, centres };
}
