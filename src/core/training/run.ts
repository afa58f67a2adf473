/**
 * A training config end to end: generate its data, train, and the lesson's comparison of
 * momentum with plain GD on the very same data and shuffles.
 */
import { resolveTrainingConfig, TRAINING_DEFAULTS, type TrainingConfig, type TrainingInput, type TrainingOptimizer } from './config';
import { generateLinearData, type GeneratedLinearData } from './data';
import { trainLinear, type TrainResult } from './linear';

/** A finished run: the trainer's result and the true parameters of the data. */
export interface TrainingRun extends TrainResult {
  readonly config: TrainingConfig;
  /** w*_1..w*_d, b*: what generated the data (the learned params' order). */
  readonly truth: Float64Array;
}

/** The dataset a config describes (its seed, samples, parameters − 1 features, noise). */
export function configData(config: TrainingConfig): GeneratedLinearData {
  return generateLinearData(config.seed, config.samples, config.parameters - 1, config.noise);
}

/** Trains `config` on `data` (default: the config's own data), from θ = 0. */
export function runTraining(config: TrainingConfig, data: GeneratedLinearData = configData(config)): TrainingRun {
  const result = trainLinear(data, config);
  return { ...result, config, truth: data.truth };
}

/** `config` with another optimizer: 'gd' drops beta, a momentum form keeps it (default 0.9). */
export function withOptimizer(config: TrainingConfig, optimizer: TrainingOptimizer): TrainingConfig {
  const beta = optimizer === 'gd' ? 0 : config.optimizer === 'gd' ? TRAINING_DEFAULTS.beta : config.beta;
  return { ...config, optimizer, beta };
}

/** Per-epoch full-batch losses of momentum and of GD, for the lesson's plot. */
export interface MomentumVsGd {
  /** Index 0 is the start, index e the loss after epoch e (the two share index 0). */
  readonly momentum: Float64Array;
  readonly gd: Float64Array;
  /** σ²/2: the loss the true parameters would have in expectation, the curve's floor. */
  readonly noiseFloor: number;
}

/**
 * The textbook worked example as the app's lesson shows it: heavy-ball momentum (α, β from the
 * config) against plain GD with the same α, same data, same batches. Defaults to the example
 * (α = 0.01, β = 0.9, 10 parameters, 1000 samples, B = 32, 20 epochs): a few milliseconds.
 * Throws ExperimentError for a bad override.
 */
export function momentumVsGd(overrides: Omit<TrainingInput, 'kind' | 'optimizer'> = {}): MomentumVsGd {
  const config = resolveTrainingConfig({ ...overrides, kind: 'training', optimizer: 'momentum' });
  const data = configData(config);
  const momentum = runTraining(config, data).losses;
  const gd = runTraining(withOptimizer(config, 'gd'), data).losses;
  return { momentum, gd, noiseFloor: (config.noise * config.noise) / 2 };
}
