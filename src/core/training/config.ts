/**
 * The training config: an N-parameter linear regression trained epoch by epoch (issue 12's
 * textbook worked example), as people and `npm run simulate` write it, e.g.
 *   {"kind": "training", "model": "linear", "parameters": 10, "samples": 1000, "noise": 0.1,
 *    "seed": 1, "optimizer": "momentum", "lr": 0.01, "beta": 0.9, "batch": 32, "epochs": 20}
 * Everything except `kind` is optional (defaults: that very example). Validation reuses the
 * experiment config's zod-issue rewriting and range checks, so a bad value is reported the same
 * way everywhere: an ExperimentError whose message names the field (`lr = -1 is below the
 * minimum 0`).
 */
import { z } from 'zod';
import { checkNumber, ExperimentError, issueError } from '../experiment/input';

/** Update rules of the trainer (src/core/training/update.ts documents each). */
export const TRAINING_OPTIMIZERS = ['gd', 'momentum', 'momentum_ema'] as const;
export type TrainingOptimizer = (typeof TRAINING_OPTIMIZERS)[number];

/** Shape of a training config as written (every field but `kind` optional). */
export const trainingInputSchema = z.strictObject({
  kind: z.literal('training'),
  model: z.literal('linear').optional(),
  parameters: z.number().optional(),
  samples: z.number().optional(),
  noise: z.number().optional(),
  seed: z.number().optional(),
  optimizer: z.enum(TRAINING_OPTIMIZERS).optional(),
  lr: z.number().optional(),
  beta: z.number().optional(),
  batch: z.number().optional(),
  epochs: z.number().optional(),
});

/** The input shape. */
export type TrainingInput = z.input<typeof trainingInputSchema>;

/** A validated config, every default filled in. */
export interface TrainingConfig {
  readonly kind: 'training';
  readonly model: 'linear';
  /** Total trainable parameters: parameters − 1 weights and one bias. */
  readonly parameters: number;
  readonly samples: number;
  /** Standard deviation σ of the Gaussian noise added to every target. */
  readonly noise: number;
  /** u32 seed of the PCG hash: data, true parameters and every epoch's shuffle derive from it. */
  readonly seed: number;
  readonly optimizer: TrainingOptimizer;
  readonly lr: number;
  /** Momentum coefficient; 0 (and unused) for 'gd'. */
  readonly beta: number;
  /** Mini-batch size B; B = samples is full-batch gradient descent. */
  readonly batch: number;
  readonly epochs: number;
}

/** The textbook example: momentum, α = 0.01, β = 0.9, 10 parameters, 1000 samples, 20 epochs. */
export const TRAINING_DEFAULTS = {
  kind: 'training',
  model: 'linear',
  parameters: 10,
  samples: 1000,
  noise: 0.1,
  seed: 1,
  optimizer: 'momentum',
  lr: 0.01,
  beta: 0.9,
  batch: 32,
  epochs: 20,
} as const satisfies TrainingConfig;

/** Limits: they bound memory (samples × features floats) and time (epochs × samples × parameters). */
export const TRAINING_LIMITS = {
  parameters: 1000,
  samples: 1_000_000,
  epochs: 10_000,
  /** samples × (parameters − 1): 80 MB of float64 features. */
  dataValues: 10_000_000,
  /** epochs × samples × parameters: multiply-adds of the gradients, a few seconds at most. */
  work: 2_000_000_000,
} as const;

/** True when a parsed JSON value asks for the trainer rather than a 2-D race. */
export function isTrainingInput(json: unknown): boolean {
  return json !== null && typeof json === 'object' && !Array.isArray(json) && (json as { kind?: unknown }).kind === 'training';
}

/**
 * Validates a training config and fills the defaults (TRAINING_DEFAULTS). Throws ExperimentError
 * naming the first bad field; `beta` with optimizer 'gd' is refused rather than ignored, so a
 * config never carries a value that silently does nothing.
 */
export function resolveTrainingConfig(input: unknown): TrainingConfig {
  const parsed = trainingInputSchema.safeParse(input);
  if (!parsed.success) throw issueError(input, parsed.error.issues[0]);
  const c = parsed.data;
  const L = TRAINING_LIMITS;
  const int = (name: 'parameters' | 'samples' | 'seed' | 'batch' | 'epochs', min: number, max: number) =>
    checkNumber(name, c[name] ?? TRAINING_DEFAULTS[name], { min, max, kind: 'int' });
  const parameters = int('parameters', 2, L.parameters);
  const samples = int('samples', 1, L.samples);
  const seed = int('seed', 0, 0xffffffff);
  const batch = int('batch', 1, samples);
  const epochs = int('epochs', 1, L.epochs);
  const noise = checkNumber('noise', c.noise ?? TRAINING_DEFAULTS.noise, { min: 0, max: 1000 });
  const optimizer = c.optimizer ?? TRAINING_DEFAULTS.optimizer;
  // The optimizer registry's own bounds (lrSpec, rateSpec), except that lr = 0 is allowed here.
  const lr = checkNumber('lr', c.lr ?? TRAINING_DEFAULTS.lr, { min: 0, max: 10 });
  if (optimizer === 'gd' && c.beta !== undefined) {
    throw new ExperimentError('beta', `beta = ${c.beta} is not used by optimizer 'gd' (only by momentum and momentum_ema)`);
  }
  const beta = optimizer === 'gd' ? 0 : checkNumber('beta', c.beta ?? TRAINING_DEFAULTS.beta, { min: 0, max: 0.9999 });
  const features = parameters - 1;
  if (samples * features > L.dataValues) {
    throw new ExperimentError('samples', `samples × (parameters − 1) = ${samples * features} feature values; at most ${L.dataValues} are allowed`);
  }
  if (epochs * samples * parameters > L.work) {
    throw new ExperimentError('epochs', `epochs × samples × parameters = ${epochs * samples * parameters}; at most ${L.work} are allowed`);
  }
  return { kind: 'training', model: 'linear', parameters, samples, noise, seed, optimizer, lr, beta, batch, epochs };
}
